package io.tcpwatch.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every pattern of Wazuh 4.14.7's shipped decoders and rules compiles with the matcher Wazuh uses for it. */
class ShippedRulesetPatternsTests {

    @Test
    void everyShippedPatternCompiles() {
        Path ruleset = OsRegexOracleTests.wazuhDirectory().resolve("ruleset");
        assumeTrue(Files.isDirectory(ruleset.resolve("decoders")), () -> "skipped: no Wazuh ruleset at " + ruleset
                + "; set -Dtcpwatch.wazuhDir");
        List<ShippedRulesetPatterns.Entry> entries = ShippedRulesetPatterns.read(ruleset);
        List<String> failures = new ArrayList<>();
        Map<PatternType, Integer> counts = new TreeMap<>();

        for (ShippedRulesetPatterns.Entry entry : entries) {
            counts.merge(entry.type(), 1, Integer::sum);
            try {
                compile(entry);
            } catch (PatternSyntaxError e) {
                failures.add(entry.place() + ": " + e.getMessage());
            }
        }

        System.out.println("shipped ruleset patterns: " + entries.size() + " " + counts + ", " + failures.size()
                + " rejected");
        assertThat(counts.get(PatternType.PCRE2)).as("pcre2 patterns found").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    static CompiledPattern compile(ShippedRulesetPatterns.Entry entry) {
        return entry.captures() ? Patterns.compile(entry.type(), entry.source())
                : Patterns.compileWithoutCaptures(entry.type(), entry.source());
    }
}
