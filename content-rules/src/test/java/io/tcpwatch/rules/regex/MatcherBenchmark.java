package io.tcpwatch.rules.regex;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Throughput of the three matchers on Wazuh 4.14.7's shipped patterns against the logs of its ruleset test
 * suite, every pattern against every log. Prints nanoseconds per match call for each matcher, the ratio of the
 * PCRE2 matcher to plain java.util.regex on the same translated patterns (the baseline, measured in the same
 * run), and the bytes allocated per call that does not match.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes io.tcpwatch.rules.regex.MatcherBenchmark
 * <wazuh dir> [seconds per measurement] [number of logs, spread over the suite]}.
 */
public final class MatcherBenchmark {

    private static final Pattern LOG_LINE = Pattern.compile("^log \\d+ (pass|fail) = (.*)$");

    private static volatile long sink;

    private MatcherBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path wazuh = Path.of(args.length > 0 ? args[0] : "../../shared/wazuh-4.14.7");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        List<String> all = logs(wazuh.resolve("ruleset/testing/tests"));
        int wanted = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < wanted && i < all.size(); i++) {
            logs.add(all.get((int) ((long) i * all.size() / Math.min(wanted, all.size()))));
        }
        List<ShippedRulesetPatterns.Entry> entries = ShippedRulesetPatterns.read(wazuh.resolve("ruleset"));
        System.out.printf(Locale.ROOT, "%d patterns, %d logs (average %.0f chars)%n", entries.size(), logs.size(),
                logs.stream().mapToInt(String::length).average().orElse(0));
        for (PatternType type : PatternType.values()) {
            List<CompiledPattern> patterns = entries.stream().filter(entry -> entry.type() == type)
                    .map(ShippedRulesetPatternsTests::compile).toList();
            double nanos = measure(seconds, () -> runAll(patterns, logs)) / ((double) patterns.size() * logs.size());
            System.out.printf(Locale.ROOT, "%-8s %5d patterns: %7.1f ns per match call, %5.2f%% match, "
                    + "%.1f bytes allocated per miss%n", type, patterns.size(), nanos,
                    100.0 * matches(patterns, logs) / ((double) patterns.size() * logs.size()),
                    allocatedPerMiss(patterns, logs));
            if (type == PatternType.PCRE2) {
                List<Pattern> baseline = patterns.stream()
                        .map(p -> Pattern.compile(((Pcre2Pattern) p).javaRegex(), Pattern.UNIX_LINES)).toList();
                double plain = measure(seconds, () -> runPlain(baseline, logs))
                        / ((double) baseline.size() * logs.size());
                System.out.printf(Locale.ROOT, "  baseline java.util.regex find(): %.1f ns per call; "
                        + "PCRE2 matcher / baseline = %.2f%n", plain, nanos / plain);
            }
        }
    }

    private static List<String> logs(Path tests) throws IOException {
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ini")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = LOG_LINE.matcher(line);
                    if (m.matches()) {
                        logs.add(m.group(2));
                    }
                }
            }
        }
        return logs;
    }

    /** Nanoseconds of one call of {@code work}, the best of the repetitions that fit in {@code seconds}. */
    private static double measure(double seconds, Runnable work) {
        work.run();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long best = Long.MAX_VALUE;
        do {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        } while (System.nanoTime() < deadline);
        return best;
    }

    private static void runAll(List<CompiledPattern> patterns, List<String> logs) {
        long hits = 0;
        for (String log : logs) {
            for (CompiledPattern pattern : patterns) {
                if (pattern.match(log) != null) {
                    hits++;
                }
            }
        }
        sink += hits;
    }

    private static void runPlain(List<Pattern> patterns, List<String> logs) {
        long hits = 0;
        for (String log : logs) {
            for (Pattern pattern : patterns) {
                if (pattern.matcher(log).find()) {
                    hits++;
                }
            }
        }
        sink += hits;
    }

    private static long matches(List<CompiledPattern> patterns, List<String> logs) {
        long hits = 0;
        for (String log : logs) {
            for (CompiledPattern pattern : patterns) {
                hits += pattern.match(log) != null ? 1 : 0;
            }
        }
        return hits;
    }

    /** Bytes this thread allocates per call that returns no match, after warm-up. */
    private static double allocatedPerMiss(List<CompiledPattern> patterns, List<String> logs) {
        List<CompiledPattern> missing = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (String log : logs) {
            for (CompiledPattern pattern : patterns) {
                if (pattern.match(log) == null && missing.size() < 200_000) {
                    missing.add(pattern);
                    subjects.add(log);
                }
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < missing.size(); i++) {
                missing.get(i).match(subjects.get(i));
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < missing.size(); i++) {
            missing.get(i).match(subjects.get(i));
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        return missing.isEmpty() ? 0 : (after - before) / (double) missing.size();
    }
}
