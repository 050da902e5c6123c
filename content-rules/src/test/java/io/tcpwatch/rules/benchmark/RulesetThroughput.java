package io.tcpwatch.rules.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.engine.Result;
import io.tcpwatch.rules.engine.Session;
import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;

/**
 * Measures, on one thread, how many events per second the engine runs through Wazuh's default ruleset
 * with tcpwatch's decoders, rules and lists added, against the default ruleset alone as the baseline in
 * the same run, and the heap each loaded ruleset holds. The events are every log line of Wazuh's
 * {@code .ini} test suite plus tcpwatch's own, in file order.
 *
 * <p>Run from the repository root after {@code mvn -B -pl content-rules -am verify}:
 * <pre>
 * java -cp content-rules/target/ruleset-tester.jar:content-rules/target/test-classes \
 *     io.tcpwatch.rules.benchmark.RulesetThroughput ../shared/wazuh-4.14.7 content-rules/ruleset
 * </pre>
 * The two configurations alternate round by round so that machine load affects both alike; the figures
 * are medians over the measured rounds. An event the engine throws on is counted and reported, not
 * dropped from the count. A figure from a shared machine is a ratio to trust, not an
 * absolute to quote.
 */
public final class RulesetThroughput {

    private static final int WARMUP_ROUNDS = 5;

    private static final int MEASURED_ROUNDS = 10;

    private static final double NANOS_PER_SECOND = 1e9;

    private static final int FAILURE_EXCERPT = 80;

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private RulesetThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path wazuh = Path.of(args.length > 0 ? args[0] : "../shared/wazuh-4.14.7");
        Path tcpwatch = Path.of(args.length > 1 ? args[1] : "content-rules/ruleset");
        if (!Files.isDirectory(wazuh.resolve("ruleset/testing/tests"))
                || !Files.isDirectory(tcpwatch.resolve("rules"))) {
            throw new IllegalArgumentException("usage: RulesetThroughput <wazuh dir holding ruleset/testing/tests>"
                    + " <tcpwatch ruleset dir holding rules/>; got [" + wazuh + "] and [" + tcpwatch + "]");
        }
        List<String> lines = new ArrayList<>(logLines(wazuh.resolve("ruleset/testing/tests")));
        List<String> tcpwatchLines = logLines(tcpwatch.resolve("tests"));
        lines.addAll(tcpwatchLines);

        long heapBefore = usedHeap();
        LoadedRuleset baseline = RulesetLoader.load(RulesetSources.create().wazuh(wazuh));
        long heapBaseline = usedHeap();
        LoadedRuleset withTcpwatch = RulesetLoader.load(RulesetSources.create().wazuh(wazuh).extra(tcpwatch));
        long heapWithTcpwatch = usedHeap();

        double[] baselineRates = new double[MEASURED_ROUNDS];
        double[] tcpwatchRates = new double[MEASURED_ROUNDS];
        double[] tcpwatchOnlyRates = new double[MEASURED_ROUNDS];
        int[] alerts = new int[3];
        Round failures = null;
        for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
            Round a = run(baseline, lines);
            Round b = run(withTcpwatch, lines);
            Round c = run(withTcpwatch, tcpwatchLines);
            if (round >= 0) {
                baselineRates[round] = a.rate();
                tcpwatchRates[round] = b.rate();
                tcpwatchOnlyRates[round] = c.rate();
                alerts = new int[] {a.alerts(), b.alerts(), c.alerts()};
                failures = b.failures() > 0 ? b : a;
            }
        }
        double base = median(baselineRates);
        double with = median(tcpwatchRates);
        System.out.printf(Locale.ROOT, "events per round: %d (%d of them tcpwatch's), %d warm-up + %d measured"
                + " rounds%n", lines.size(), tcpwatchLines.size(), WARMUP_ROUNDS, MEASURED_ROUNDS);
        System.out.printf(Locale.ROOT, "default ruleset:            %,10.0f events/s (%d rules, %d alerts a round)%n",
                base, baseline.rules().size(), alerts[0]);
        System.out.printf(Locale.ROOT, "default ruleset + tcpwatch: %,10.0f events/s (%d rules, %d alerts a round),"
                + " ratio %.3f%n", with, withTcpwatch.rules().size(), alerts[1], with / base);
        System.out.printf(Locale.ROOT, "tcpwatch's events only:     %,10.0f events/s (%d alerts a round)%n",
                median(tcpwatchOnlyRates), alerts[2]);
        if (failures != null && failures.failures() > 0) {
            System.out.printf(Locale.ROOT, "engine errors: %d events a round (counted in the rate), first: %s%n",
                    failures.failures(), failures.firstFailure());
        }
        double baselineMib = (heapBaseline - heapBefore) / BYTES_PER_MIB;
        double withMib = (heapWithTcpwatch - heapBaseline) / BYTES_PER_MIB;
        System.out.printf(Locale.ROOT, "heap held by the loaded ruleset: default %.1f MiB, default + tcpwatch %.1f MiB"
                + " (difference %.1f MiB)%n", baselineMib, withMib, withMib - baselineMib);
    }

    /** One pass over the events: its rate, and the alerts it raised (so the work cannot be optimised away). */
    private record Round(double rate, int alerts, int failures, String firstFailure) {
    }

    private static Round run(LoadedRuleset ruleset, List<String> lines) {
        Session session = Session.create(ruleset, EngineOptions.defaults());
        int alerts = 0;
        int failures = 0;
        String firstFailure = null;
        long start = System.nanoTime();
        for (String line : lines) {
            try {
                Result result = session.process("stdin", line);
                if (result.alert()) {
                    alerts++;
                }
            }
            catch (RuntimeException ex) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = ex + " on [" + line.substring(0, Math.min(line.length(), FAILURE_EXCERPT)) + "...]";
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        return new Round(lines.size() * NANOS_PER_SECOND / elapsed, alerts, failures, firstFailure);
    }

    private static List<String> logLines(Path directory) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ini")).sorted().toList()) {
                for (IniFile.Section section : IniFile.read(file).sections()) {
                    section.logs().forEach(log -> log.lines().stream().filter(l -> !l.isEmpty()).forEach(lines::add));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the .ini tests in [" + directory + "]: " + ex.getMessage(),
                    ex);
        }
        return lines;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
