package io.tcpwatch.bpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loads, attaches and reads the test object on the running kernel; needs root (or CAP_BPF + CAP_PERFMON). */
class BpfObjectKernelTests {

    /** {@code struct probe_record} in test_probe.bpf.c: tgid, tid, syscall, path[128]. */
    private static final int RECORD_BYTES = 4 + 4 + 8 + 128;

    private static final int PREFIX_BYTES = 32;

    private static final int NR_OPENAT = 257;

    private final String prefix = "/tmp/tcpwatch-probe-" + UUID.randomUUID().toString().substring(0, 8) + "/";

    private BpfObject object;

    @BeforeEach
    void loadTestObject() {
        BpfAssumptions.assumeBpfLoads();
        this.object = BpfObject.openResource(BpfObjectKernelTests.class, "/test_probe.bpf.o");
        byte[] prefixBytes = Arrays.copyOf(this.prefix.getBytes(StandardCharsets.US_ASCII), PREFIX_BYTES);
        this.object.setRodataInt("target_tgid", (int) ProcessHandle.current().pid())
                .setRodataInt("prefix_len", this.prefix.length())
                .setRodata("prefix", prefixBytes)
                .setMaxEntries("records", 16384)
                .setAutoload("sys_exit", false);
        this.object.load();
    }

    @AfterEach
    void closeTestObject() {
        if (this.object != null) {
            this.object.close();
        }
    }

    @Test
    void ringBufferDeliversEachMatchingOpenatOfThisProcessInOrder() {
        this.object.attach("sys_enter");
        BpfRingBuffer ring = this.object.openRingBuffer("records", 4096);

        openMissing("a", "b", "c");
        List<String> records = drain(ring, 3);

        assertThat(records).containsExactly(
                line("a"), line("b"), line("c"));
    }

    @Test
    void perCpuCounterSumsToTheRecordsSubmitted() {
        this.object.attach("sys_enter");
        BpfRingBuffer ring = this.object.openRingBuffer("records", 4096);

        openMissing("a", "b");
        drain(ring, 2);
        long[] submitted = this.object.lookupPerCpuLongs("counters", 0);
        long[] dropped = this.object.lookupPerCpuLongs("counters", 1);

        assertThat(submitted).hasSize(Libbpf.numPossibleCpus());
        assertThat(Arrays.stream(submitted).sum()).isEqualTo(2);
        assertThat(Arrays.stream(dropped).sum()).isZero();
    }

    @Test
    void batchTooSmallForTwoRecordsStillDeliversEveryRecordOnePerPoll() {
        this.object.attach("sys_enter");
        BpfRingBuffer ring = this.object.openRingBuffer("records", RECORD_BYTES + 4 + 10);
        List<Integer> perPoll = new ArrayList<>();
        List<String> records = new ArrayList<>();

        openMissing("a", "b", "c");
        for (int i = 0; i < 50 && records.size() < 3; i++) {
            perPoll.add(ring.poll(Duration.ofMillis(20), record -> records.add(decode(record))));
        }

        assertThat(records).containsExactly(line("a"), line("b"), line("c"));
        assertThat(perPoll.stream().filter(n -> n > 0)).containsExactly(1, 1, 1);
    }

    @Test
    void recordLargerThanTheBatchIsReportedNotLost() {
        this.object.attach("sys_enter");
        BpfRingBuffer ring = this.object.openRingBuffer("records", 64);

        openMissing("a");
        int first = ring.poll(Duration.ofMillis(100), record -> { });

        assertThat(first).isZero();
        assertThatThrownBy(() -> ring.poll(Duration.ZERO, record -> { })).isInstanceOf(BpfException.class)
                .hasMessage("ring_buffer__poll(..) failed with error(90): Message too long: ring buffer map "
                        + "[records]: a record is larger than the 64-byte batch buffer");
    }

    @Test
    void programLeftOutOfTheLoadCannotBeAttached() {
        assertThatThrownBy(() -> this.object.attach("sys_exit")).isInstanceOf(BpfException.class)
                .hasMessageStartingWith("bpf_program__attach(..) failed with error(22): Invalid argument: "
                        + "program [sys_exit] of object [test_probe]");
    }

    @Test
    void attachEachReportsTheFailuresByProgram() {
        var failures = this.object.attachEach(List.of("sys_enter", "sys_exit"));

        assertThat(failures).containsOnlyKeys("sys_exit");
        assertThat(failures.get("sys_exit").errno()).isEqualTo(Errors.EINVAL);
    }

    @Test
    void loadedProgramThatNeverRanHasNoRunsAndNoRecursionMisses() {
        BpfProgramStats stats = this.object.programStats("sys_enter");

        assertThat(stats).isEqualTo(new BpfProgramStats("sys_enter", 0, 0, 0, true));
    }

    @Test
    void attachedProgramCountsItsRunsWhileRunTimeStatsAreOnAndMissesNoneOfThem() {
        this.object.attach("sys_enter");
        BpfRingBuffer ring = this.object.openRingBuffer("records", 4096);
        BpfProgramStats stats;

        try (BpfRunTimeStats on = Libbpf.enableRunTimeStats()) {
            openMissing("a", "b", "c");
            drain(ring, 3);
            stats = this.object.programStats("sys_enter");
        }

        // sys_enter fires for every syscall of every task, so at least this process's three openat calls.
        assertThat(stats.runCount()).isGreaterThanOrEqualTo(3);
        assertThat(stats.runTimeNanos()).isPositive();
        // A syscall cannot start inside a BPF program, so this program can never be skipped for recursion.
        assertThat(stats.recursionMisses()).isZero();
        assertThat(stats.recursionMissesReported()).isTrue();
    }

    @Test
    void programLeftOutOfTheLoadHasNoStatistics() {
        assertThatThrownBy(() -> this.object.programStats("sys_exit")).isInstanceOf(BpfException.class)
                .hasMessage("bpf_program__fd(..) failed with error(9): Bad file descriptor: program [sys_exit] of "
                        + "object [test_probe] was not loaded (autoload off), so it has no statistics")
                .extracting(ex -> ((BpfException) ex).errno()).isEqualTo(Errors.EBADF);
    }

    @Test
    void statisticsOfAnUnknownProgramNameTheKnownOnes() {
        assertThatThrownBy(() -> this.object.programStats("sys_open")).isInstanceOf(BpfNotFoundException.class)
                .hasMessage("bpf_obj_get_info_by_fd(..) failed with error(2): No such file or directory: program "
                        + "[sys_open] of object [test_probe] (programs: sys_enter, sys_exit)");
    }

    @Test
    void counterLookupOnAMapThatIsNotPerCpuIsRejected() {
        assertThatThrownBy(() -> this.object.lookupPerCpuLongs("records", 0)).isInstanceOf(BpfException.class)
                .hasMessage("bpf_map__lookup_elem(..) failed with error(22): Invalid argument: map [records] of "
                        + "object [test_probe] is not a per-CPU map of 8-byte values (type 27, value size 0)");
    }

    @Test
    void configurationAfterLoadIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> this.object.setRodataInt("target_tgid", 1))
                .withMessage("setRodata(..) must be called before load() on object [test_probe]");
    }

    @Test
    void closeDestroysTheLinksItCreated() throws java.io.IOException {
        long before = openBpfLinks();
        this.object.attach("sys_enter");
        long attached = openBpfLinks();

        this.object.close();

        assertThat(attached - before).isEqualTo(1);
        assertThat(openBpfLinks()).isEqualTo(before);
        assertThat(this.object.isLoaded()).isFalse();
    }

    private static long openBpfLinks() throws java.io.IOException {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(fd).toString().equals("anon_inode:bpf_link");
                }
                catch (java.io.IOException ex) {
                    return false;
                }
            }).count();
        }
    }

    private void openMissing(String... names) {
        for (String name : names) {
            try (FileInputStream in = new FileInputStream(this.prefix + name)) {
                throw new AssertionError("expected " + this.prefix + name + " to be missing");
            }
            catch (FileNotFoundException expected) {
                // The failed openat(2) is what the program reports.
            }
            catch (java.io.IOException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    private List<String> drain(BpfRingBuffer ring, int expected) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 50 && records.size() < expected; i++) {
            ring.poll(Duration.ofMillis(20), record -> records.add(decode(record)));
        }
        ring.poll(Duration.ofMillis(20), record -> records.add(decode(record)));
        return records;
    }

    private String line(String name) {
        long pid = ProcessHandle.current().pid();
        return pid + " " + NR_OPENAT + " " + this.prefix + name;
    }

    private static String decode(ByteBuffer record) {
        assertThat(record.remaining()).isEqualTo(RECORD_BYTES);
        int base = record.position();
        int tgid = record.getInt(base);
        long syscall = record.getLong(base + 8);
        byte[] path = new byte[128];
        record.get(base + 16, path);
        int end = 0;
        while (end < path.length && path[end] != 0) {
            end++;
        }
        return tgid + " " + syscall + " " + new String(path, 0, end, StandardCharsets.US_ASCII);
    }
}
