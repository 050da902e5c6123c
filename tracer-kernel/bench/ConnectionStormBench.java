import io.tcpwatch.tracer.kernel.BpfEventSource;
import io.tcpwatch.tracer.kernel.EventSource.SourceCounters;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Loopback connection storm, with and without the BPF source consuming, interleaved in one run.
 *
 * <p>Each sample runs the {@code storm} child (bench/storm.c): N sequential connections, both ends in
 * the child, so each connection makes exactly 4 events (connect, accept, 2 closes) owned by its pid.
 * Prints the median per-connection latency of each mode, their ratio, the events lost and the poll
 * thread's CPU time. Run with {@code bench/run.sh}.
 */
public final class ConnectionStormBench {

    private ConnectionStormBench() {
    }

    public static void main(String[] args) throws Exception {
        Path storm = Path.of(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<Long> off = new ArrayList<>();
        List<Long> on = new ArrayList<>();
        long expected = 0;
        long seen = 0;
        long drops = 0;
        long recursionMisses = 0;
        long cpuNanos = 0;
        long stormNanos = 0;
        run(storm, connections);
        for (int round = 0; round < rounds; round++) {
            off.add(run(storm, connections)[0]);
            Counter counter = new Counter();
            AtomicLong childPid = new AtomicLong(-1);
            try (BpfEventSource source = BpfEventSource.open(BpfEventSource.Options.defaults())) {
                source.start(counter);
                Thread.sleep(100);
                long cpuBefore = pollThreadCpu();
                long[] sample = run(storm, connections, childPid);
                Thread.sleep(300);
                cpuNanos += pollThreadCpu() - cpuBefore;
                SourceCounters counters = source.counters();
                drops += counters.ringBufferDrops();
                recursionMisses += source.recursionMisses();
                on.add(sample[0]);
                stormNanos += sample[1];
            }
            expected += 4L * connections;
            seen += counter.of(childPid.get());
        }
        long medianOff = median(off);
        long medianOn = median(on);
        System.out.printf("connections per sample %d, rounds %d%n", connections, rounds);
        System.out.printf("median per connection: without BPF %.1f us, with BPF consuming %.1f us, ratio %.3f%n",
                medianOff / 1000.0, medianOn / 1000.0, (double) medianOn / medianOff);
        System.out.printf("samples without %s%nsamples with    %s%n", micros(off), micros(on));
        System.out.printf("storm events %d, delivered %d, lost %d, ring-buffer drops %d, recursion misses %d"
                + " (both for all processes)%n", expected, seen, expected - seen, drops, recursionMisses);
        System.out.printf("event rate during storms %.0f events/s%n", expected / (stormNanos / 1e9));
        System.out.printf("poll thread CPU %.1f ms for %d storm events (%.2f us per event, all events counted)%n",
                cpuNanos / 1e6, expected, cpuNanos / 1000.0 / expected);
    }

    private static long[] run(Path storm, int connections) throws Exception {
        return run(storm, connections, new AtomicLong());
    }

    /** Runs one storm; returns its median latency and total time, in nanoseconds. */
    private static long[] run(Path storm, int connections, AtomicLong childPid) throws Exception {
        Process child = new ProcessBuilder(storm.toString(), Integer.toString(connections)).redirectErrorStream(true)
                .start();
        childPid.set(child.pid());
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("storm failed: " + out);
        }
        String[] f = out.split(" ");
        return new long[] {Long.parseLong(f[7]), Long.parseLong(f[5])};
    }

    private static long pollThreadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("tcpwatch-bpf-poll"))
                .mapToLong(t -> mx.getThreadCpuTime(t.getId())).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String micros(List<Long> values) {
        return values.stream().map(v -> String.format("%.1f", v / 1000.0)).toList().toString();
    }

    /**
     * Counts events per pid; stands in for a consumer that does little per event. Counting every pid,
     * and picking the storm child's after the sample, does not depend on the child's pid being known
     * before its first events are delivered.
     */
    private static final class Counter implements java.util.function.Consumer<KernelEvent> {

        private final Map<Integer, LongAdder> perPid = new ConcurrentHashMap<>();

        @Override
        public void accept(KernelEvent event) {
            this.perPid.computeIfAbsent(event.pid(), pid -> new LongAdder()).increment();
        }

        long of(long pid) {
            LongAdder count = this.perPid.get((int) pid);
            return count == null ? 0 : count.sum();
        }
    }
}
