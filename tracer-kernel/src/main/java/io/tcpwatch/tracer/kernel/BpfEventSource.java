package io.tcpwatch.tracer.kernel;

import io.tcpwatch.bpf.BpfException;
import io.tcpwatch.bpf.BpfObject;
import io.tcpwatch.bpf.BpfProgramStats;
import io.tcpwatch.bpf.BpfRingBuffer;
import io.tcpwatch.bpf.Errors;
import io.tcpwatch.bpf.Libbpf;
import io.tcpwatch.bpf.RecordHandler;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The eBPF event source: loads {@code tcpwatch.bpf.o}, attaches it and delivers its events from a
 * daemon thread.
 *
 * <p>The TCP state changes always come from {@code tp_btf/inet_sock_set_state}. The accept hook is the
 * first of {@link AcceptHook} the kernel lets load and attach; the choice, and why earlier ones were
 * refused, is logged once at INFO and returned by {@link #describeHooks()}, and as lists of hook names by
 * {@link #hooksInUse()} and {@link #hooksMissing()}.
 *
 * <p>Events are lost in three places, each counted: the kernel skips a program that fires while a BPF
 * program already runs on that CPU ({@link #recursionMisses()}), a record finds the ring buffer full, and a
 * record cannot be decoded (both in {@link #counters()}).
 *
 * <p>Does NOT work on kernels without BTF ({@code /sys/kernel/btf/vmlinux}) or without
 * {@code tp_btf} (before 5.5): {@link #unavailabilityCause()} says so, and {@link #open} throws.
 */
public final class BpfEventSource implements EventSource {

    /** The compiled BPF object, a resource next to this class. */
    static final String OBJECT_RESOURCE = "tcpwatch.bpf.o";

    static final String STATE_PROGRAM = "inet_sock_set_state";

    static final String STATE_HOOK = "tp_btf/" + STATE_PROGRAM;

    static final String RING_BUFFER_MAP = "events";

    static final String COUNTERS_MAP = "counters";

    static final String EXCLUDED_PIDS_MAP = "excluded_pids";

    /** {@code TCPWATCH_COUNTER_RINGBUF_DROPS} in tcpwatch.h. */
    static final int COUNTER_RINGBUF_DROPS = 0;

    /** {@code TCPWATCH_COUNTER_OWNER_MISSES} in tcpwatch.h. */
    static final int COUNTER_OWNER_MISSES = 1;

    /** {@code max_entries} of {@code excluded_pids} in tcpwatch.bpf.c. */
    static final int MAX_EXCLUDED_PIDS = 64;

    static final int MIN_RING_BUFFER_BYTES = 4096;

    static final Duration MIN_POLL_TIMEOUT = Duration.ofMillis(1);

    static final Duration MAX_POLL_TIMEOUT = Duration.ofSeconds(10);

    private static final int DEFAULT_WAKEUP_BYTES = 32 * 1024;

    private static final int BATCH_BYTES = 256 * 1024;

    private static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private static final System.Logger LOG = System.getLogger(BpfEventSource.class.getName());

    private final BpfObject object;

    private final BpfRingBuffer ring;

    private final Options options;

    private final String hooks;

    private final AcceptHook acceptHook;

    private final List<AcceptHook> refusedHooks;

    private final KernelRecordDecoder decoder = new KernelRecordDecoder();

    private final Object lifecycle = new Object();

    private Thread poller;

    private volatile boolean running;

    private volatile boolean closed;

    private volatile boolean polling;

    private volatile long consumerErrors;

    private SourceCounters lastCounters = new SourceCounters(0, 0, 0);

    private long lastRecursionMisses;

    private BpfEventSource(BpfObject object, Options options, AcceptHook acceptHook, List<AcceptHook> refusedHooks,
            String hooks) {
        this.object = object;
        this.options = options;
        this.acceptHook = acceptHook;
        this.refusedHooks = List.copyOf(refusedHooks);
        this.hooks = hooks;
        this.ring = object.openRingBuffer(RING_BUFFER_MAP, BATCH_BYTES);
    }

    /**
     * Why the BPF source cannot load here: the native library, the kernel's BTF, or the privilege to
     * load tracing programs. Empty when it can. Never throws.
     */
    public static Optional<String> unavailabilityCause() {
        try {
            Optional<Throwable> nativeCause = Libbpf.unavailabilityCause();
            if (nativeCause.isPresent()) {
                return Optional.of("the libbpf JNI library cannot load: " + nativeCause.get());
            }
            if (!Files.isReadable(VMLINUX_BTF)) {
                return Optional.of("the kernel exposes no BTF at " + VMLINUX_BTF
                        + " (needs CONFIG_DEBUG_INFO_BTF=y), which CO-RE and tp_btf programs need");
            }
            Libbpf.probeTracingLoad();
            return Optional.empty();
        }
        catch (BpfException ex) {
            return Optional.of("the kernel refuses to load BPF tracing programs (run as root, or grant "
                    + "CAP_BPF and CAP_PERFMON): " + ex.getMessage());
        }
        catch (Throwable ex) {
            return Optional.of("the BPF source cannot be checked: " + ex);
        }
    }

    /**
     * Loads and attaches the BPF program, with the first accept hook the kernel allows.
     *
     * @throws BpfException when no hook combination loads; its message lists why each was refused
     * @throws io.tcpwatch.bpf.BpfUnsupportedException when the native library cannot load
     */
    public static BpfEventSource open(Options options) {
        return open(options, List.of(AcceptHook.values()));
    }

    /** Opens with the first of {@code hooks} that loads and attaches; for tests of one hook. */
    static BpfEventSource open(Options options, List<AcceptHook> candidates) {
        Objects.requireNonNull(options, "'options' must not be null");
        Libbpf.ensureAvailable();
        List<String> refusals = new ArrayList<>();
        List<AcceptHook> refused = new ArrayList<>();
        BpfException last = null;
        for (AcceptHook hook : candidates) {
            BpfObject object = null;
            try {
                object = load(options, hook);
                String hooks = describe(hook, refusals);
                BpfEventSource source = new BpfEventSource(object, options, hook, refused, hooks);
                LOG.log(Level.INFO, "BPF hooks: {0}", hooks);
                source.warnWhenRecursionMissesAreNotCounted();
                return source;
            }
            catch (BpfException ex) {
                if (object != null) {
                    object.close();
                }
                LOG.log(Level.DEBUG, "accept hook " + hook.description + " refused", ex);
                refusals.add(hook.description + ": " + firstLine(ex.getMessage()));
                refused.add(hook);
                last = ex;
            }
        }
        BpfException error = Errors.newException("bpf_object__load", -last.errno(),
                "no accept hook of object [" + OBJECT_RESOURCE + "] loads here: " + String.join("; ", refusals),
                null);
        error.initCause(last);
        throw error;
    }

    private static BpfObject load(Options options, AcceptHook chosen) {
        BpfObject object = BpfObject.openResource(BpfEventSource.class, OBJECT_RESOURCE);
        try {
            for (AcceptHook hook : AcceptHook.values()) {
                for (String program : hook.programs) {
                    object.setAutoload(program, hook == chosen);
                }
            }
            object.setMaxEntries(RING_BUFFER_MAP, options.ringBufferBytes());
            object.setRodataInt("wakeup_bytes", Math.min(DEFAULT_WAKEUP_BYTES, options.ringBufferBytes() / 4));
            object.setRodataBoolean("filter_excluded_pids", !options.excludedPids().isEmpty());
            object.load();
            for (int pid : options.excludedPids()) {
                object.update(EXCLUDED_PIDS_MAP, u32(pid), new byte[] {1}, 0);
            }
            object.attach(STATE_PROGRAM);
            for (String program : chosen.programs) {
                object.attach(program);
            }
            return object;
        }
        catch (RuntimeException ex) {
            object.close();
            throw ex;
        }
    }

    private static String describe(AcceptHook chosen, List<String> refusals) {
        String hooks = STATE_HOOK + " (connect, close), " + chosen.description + " (accept)";
        if (refusals.isEmpty()) {
            return hooks;
        }
        return hooks + "; refused first: " + String.join("; ", refusals);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    /**
     * Starts the poll loop on a daemon thread, which hands each event to {@code consumer}. An exception
     * from the consumer is counted ({@link #consumerErrors()}), logged once per poll at WARN, and does not
     * stop the loop.
     *
     * @throws IllegalStateException when already started or closed
     */
    @Override
    public void start(Consumer<KernelEvent> consumer) {
        Objects.requireNonNull(consumer, "'consumer' must not be null");
        synchronized (this.lifecycle) {
            if (this.closed) {
                throw new IllegalStateException("start(..) called on a closed BPF event source");
            }
            if (this.poller != null) {
                throw new IllegalStateException("start(..) called twice on the BPF event source");
            }
            this.running = true;
            this.polling = true;
            this.poller = new Thread(() -> pollLoop(consumer), "tcpwatch-bpf-poll");
            this.poller.setDaemon(true);
            this.poller.start();
        }
    }

    private void pollLoop(Consumer<KernelEvent> consumer) {
        Delivery delivery = new Delivery(consumer);
        long decodeErrors = 0;
        while (this.running) {
            try {
                this.ring.poll(this.options.pollTimeout(), delivery);
                this.decoder.recalibrate();
            }
            catch (BpfException | IllegalStateException ex) {
                if (this.running) {
                    LOG.log(Level.ERROR, "BPF event source stopped: polling the ring buffer failed", ex);
                }
                this.polling = false;
                return;
            }
            if (this.decoder.decodeErrors() != decodeErrors) {
                LOG.log(Level.WARNING, "{0} kernel record(s) of the last poll could not be decoded and were "
                        + "dropped (counted); latest: {1}", this.decoder.decodeErrors() - decodeErrors,
                        this.decoder.lastError());
                decodeErrors = this.decoder.decodeErrors();
            }
            if (delivery.firstError != null) {
                LOG.log(Level.WARNING, "the event consumer threw on " + delivery.errorsInPoll + " event(s) of the "
                        + "last poll; counted, and delivery continues", delivery.firstError);
                delivery.firstError = null;
                delivery.errorsInPoll = 0;
            }
        }
    }

    /** The ring-buffer callback: decodes and delivers; never logs, never throws. */
    private final class Delivery implements RecordHandler {

        private final Consumer<KernelEvent> consumer;

        private RuntimeException firstError;

        private int errorsInPoll;

        Delivery(Consumer<KernelEvent> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onRecord(ByteBuffer record) {
            try {
                BpfEventSource.this.decoder.decodeTo(record, this.consumer);
            }
            catch (RuntimeException ex) {
                BpfEventSource.this.consumerErrors++;
                this.errorsInPoll++;
                if (this.firstError == null) {
                    this.firstError = ex;
                }
            }
        }
    }

    /**
     * The kernel's drop and owner-miss counters (summed over CPUs) and the decode errors. After
     * {@link #close()}, the values read at close. The events the kernel skipped for recursion are NOT among
     * them: see {@link #recursionMisses()}.
     */
    @Override
    public SourceCounters counters() {
        synchronized (this.lifecycle) {
            if (this.closed) {
                return this.lastCounters;
            }
            return readCounters();
        }
    }

    private SourceCounters readCounters() {
        long drops = Arrays.stream(this.object.lookupPerCpuLongs(COUNTERS_MAP, COUNTER_RINGBUF_DROPS)).sum();
        long misses = Arrays.stream(this.object.lookupPerCpuLongs(COUNTERS_MAP, COUNTER_OWNER_MISSES)).sum();
        return new SourceCounters(drops, misses, this.decoder.decodeErrors());
    }

    /**
     * Whether the poll loop runs: false before {@link #start}, after {@link #close()}, and after polling
     * failed (logged at ERROR).
     */
    public boolean isPolling() {
        return this.polling && this.running;
    }

    /** Exceptions the consumer threw, each for one event. */
    public long consumerErrors() {
        return this.consumerErrors;
    }

    /** The message of the latest record that could not be decoded; empty when none. */
    public String lastDecodeError() {
        return this.decoder.lastError();
    }

    @Override
    public String describeHooks() {
        return this.hooks;
    }

    /**
     * The hooks attached, each as {@code <section>/<name>}: {@code tp_btf/inet_sock_set_state}, then those of
     * the accept hook in use (two for the accept tracepoints).
     */
    public List<String> hooksInUse() {
        List<String> names = new ArrayList<>();
        names.add(STATE_HOOK);
        names.addAll(this.acceptHook.hooks);
        return List.copyOf(names);
    }

    /** The hooks of the accept hooks tried first and refused by this kernel, in the order tried; empty if none. */
    public List<String> hooksMissing() {
        return this.refusedHooks.stream().flatMap(hook -> hook.hooks.stream()).toList();
    }

    /**
     * Times the kernel skipped one of this source's programs because a BPF program already ran on that CPU
     * (the state tracepoint fired from a softirq on top of a running program, for example), summed over the
     * attached programs since they were loaded: each is an event lost, never seen by the ring buffer. After
     * {@link #close()}, the value read at close.
     *
     * <p>Does NOT count on kernels before 5.12, which do not report recursion misses; {@link #open} logs
     * that at WARNING there, and this stays 0.
     */
    public long recursionMisses() {
        synchronized (this.lifecycle) {
            if (!this.closed) {
                this.lastRecursionMisses = sumRecursionMisses(programStats());
            }
            return this.lastRecursionMisses;
        }
    }

    /** The run statistics of each attached program, by program name, state program first. */
    Map<String, BpfProgramStats> programStats() {
        Map<String, BpfProgramStats> stats = new LinkedHashMap<>();
        for (String program : attachedPrograms()) {
            stats.put(program, this.object.programStats(program));
        }
        return stats;
    }

    /** The accept hook in use. */
    AcceptHook acceptHook() {
        return this.acceptHook;
    }

    private List<String> attachedPrograms() {
        List<String> programs = new ArrayList<>();
        programs.add(STATE_PROGRAM);
        programs.addAll(this.acceptHook.programs);
        return programs;
    }

    private static long sumRecursionMisses(Map<String, BpfProgramStats> stats) {
        return stats.values().stream().mapToLong(BpfProgramStats::recursionMisses).sum();
    }

    private void warnWhenRecursionMissesAreNotCounted() {
        try {
            if (programStats().values().stream().anyMatch(stats -> !stats.recursionMissesReported())) {
                LOG.log(Level.WARNING, "this kernel does not report BPF recursion misses (it is older than 5.12): "
                        + "events the kernel skips because a BPF program already runs on that CPU are NOT counted");
            }
        }
        catch (BpfException ex) {
            LOG.log(Level.WARNING, "the BPF programs' recursion misses cannot be read; recursionMisses() will "
                    + "fail", ex);
        }
    }

    /** Stops the poll loop (waiting up to a poll timeout for it), detaches and unloads. Idempotent. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this.lifecycle) {
            if (this.closed) {
                return;
            }
            this.lastCounters = readCounters();
            try {
                this.lastRecursionMisses = sumRecursionMisses(programStats());
            }
            catch (BpfException ex) {
                LOG.log(Level.WARNING, "the BPF programs' recursion misses could not be read at close; "
                        + "recursionMisses() keeps the last value read, " + this.lastRecursionMisses, ex);
            }
            this.closed = true;
            this.running = false;
            thread = this.poller;
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(this.options.pollTimeout().toMillis() + 1000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.object.close();
    }

    /** The accept hooks, in the order they are tried. */
    enum AcceptHook {

        /** In the accepting process, once per accepted socket, io_uring accepts included. */
        FEXIT("fexit/inet_csk_accept", List.of("fexit/inet_csk_accept"), "inet_csk_accept_ret"),

        /** The accept syscalls' own tracepoints: the program runs on accepts only; attaching needs tracefs. */
        TRACEPOINT("tracepoint/syscalls/sys_exit_accept{,4}",
                List.of("tracepoint/syscalls/sys_exit_accept", "tracepoint/syscalls/sys_exit_accept4"),
                "sys_exit_accept", "sys_exit_accept4"),

        /** Every syscall exit, filtered on accept and accept4; needs no tracefs, costs more per syscall. */
        TP_BTF_SYS_EXIT("tp_btf/sys_exit", List.of("tp_btf/sys_exit"), "sys_exit");

        final String description;

        /** The hook of each program, {@code <section>/<name>}, in the order of {@link #programs}. */
        final List<String> hooks;

        final List<String> programs;

        AcceptHook(String description, List<String> hooks, String... programs) {
            this.description = description;
            this.hooks = hooks;
            this.programs = List.of(programs);
        }
    }

    /**
     * How to open the source.
     *
     * @param ringBufferBytes size of the kernel ring buffer: a power of two, at least 4096
     * @param pollTimeout how long the consumer waits for a wake-up before draining anyway, from 1 ms to
     *     10 s (20 to 100 ms suits most hosts); the kernel wakes it early only once tens of KiB are queued,
     *     so this bounds an event's delay
     * @param excludedPids processes whose events the kernel drops (the tracer's own, typically), at most 64
     */
    public record Options(int ringBufferBytes, Duration pollTimeout, Set<Integer> excludedPids) {

        public Options {
            Objects.requireNonNull(pollTimeout, "'pollTimeout' must not be null");
            Objects.requireNonNull(excludedPids, "'excludedPids' must not be null");
            if (ringBufferBytes < MIN_RING_BUFFER_BYTES || Integer.bitCount(ringBufferBytes) != 1) {
                throw new IllegalArgumentException("'ringBufferBytes' must be a power of two of at least "
                        + MIN_RING_BUFFER_BYTES + ", was " + ringBufferBytes);
            }
            if (pollTimeout.compareTo(MIN_POLL_TIMEOUT) < 0 || pollTimeout.compareTo(MAX_POLL_TIMEOUT) > 0) {
                throw new IllegalArgumentException("'pollTimeout' must be from " + MIN_POLL_TIMEOUT + " to "
                        + MAX_POLL_TIMEOUT + ", was " + pollTimeout);
            }
            if (excludedPids.size() > MAX_EXCLUDED_PIDS) {
                throw new IllegalArgumentException("'excludedPids' holds at most " + MAX_EXCLUDED_PIDS
                        + " pids, was " + excludedPids.size());
            }
            for (Integer pid : excludedPids) {
                if (pid == null || pid <= 0) {
                    throw new IllegalArgumentException("'excludedPids' must hold positive pids, had " + pid);
                }
            }
            excludedPids = Set.copyOf(excludedPids);
        }

        /** An 8 MiB ring buffer, a 50 ms poll timeout and no excluded process. */
        public static Options defaults() {
            return new Options(8 << 20, Duration.ofMillis(50), Set.of());
        }
    }
}
