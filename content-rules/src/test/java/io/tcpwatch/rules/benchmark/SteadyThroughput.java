package io.tcpwatch.rules.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.engine.Session;
import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;

/**
 * Measures, on one thread, the events per second of the default ruleset plus tcpwatch's content over a
 * longer run than {@link RulesetThroughput}: every log line of Wazuh's and tcpwatch's {@code .ini} tests, in
 * file order and over again with a fresh session each pass, for a warm-up and then a measured number of
 * seconds, so that the figure is the compiled code's. To compare two builds, run each in turn in one sitting:
 * <pre>
 * java -Xmx512m -cp content-rules/target/ruleset-tester.jar:content-rules/target/test-classes \
 *     io.tcpwatch.rules.benchmark.SteadyThroughput ../shared/wazuh-4.14.7 content-rules/ruleset 10
 * </pre>
 */
public final class SteadyThroughput {

    private static final double NANOS_PER_SECOND = 1e9;

    private static final long WARMUP_SECONDS = 3;

    private SteadyThroughput() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SteadyThroughput <wazuh dir holding ruleset/testing/tests>"
                    + " <tcpwatch ruleset dir holding tests/> <measured seconds>");
        }
        Path wazuh = Path.of(args[0]);
        Path tcpwatch = Path.of(args[1]);
        long seconds = Long.parseLong(args[2]);
        List<String> lines = new ArrayList<>(logLines(wazuh.resolve("ruleset/testing/tests")));
        lines.addAll(logLines(tcpwatch.resolve("tests")));
        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(wazuh).extra(tcpwatch));
        run(ruleset, lines, WARMUP_SECONDS);
        long[] counts = run(ruleset, lines, seconds);
        System.out.printf(Locale.ROOT, "default ruleset + tcpwatch: %,.0f events/s over %d s (%d alerts,"
                + " %d engine errors)%n", counts[0] * NANOS_PER_SECOND / counts[1], seconds, counts[2], counts[3]);
    }

    /** Passes over the lines for {@code seconds}: events, elapsed nanoseconds, alerts and engine errors. */
    private static long[] run(LoadedRuleset ruleset, List<String> lines, long seconds) {
        long start = System.nanoTime();
        long end = start + seconds * (long) NANOS_PER_SECOND;
        long events = 0;
        long alerts = 0;
        long errors = 0;
        while (System.nanoTime() < end) {
            Session session = Session.create(ruleset, EngineOptions.defaults());
            for (String line : lines) {
                try {
                    if (session.process("stdin", line).alert()) {
                        alerts++;
                    }
                }
                catch (RuntimeException ex) {
                    errors++;
                }
                events++;
            }
        }
        return new long[] {events, System.nanoTime() - start, alerts, errors};
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
}
