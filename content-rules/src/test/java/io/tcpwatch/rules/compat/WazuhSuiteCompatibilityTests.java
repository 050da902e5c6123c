package io.tcpwatch.rules.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tcpwatch.rules.ruleset.LoadedRuleset;

/**
 * Runs Wazuh 4.14.7's own ruleset test suite ({@code ruleset/testing/tests/*.ini}) through the engine and
 * fails when fewer sections pass than {@code suite.sections.pass} in {@code compat-baseline.properties}.
 * The Wazuh directory comes from the system property {@code tcpwatch.wazuhDir}.
 */
class WazuhSuiteCompatibilityTests {

    private static final String BASELINE_KEY = "suite.sections.pass";

    @Test
    void wazuhSuitePassesAtLeastTheBaseline(@TempDir Path scratch) throws IOException {
        Path wazuh = wazuhDir();
        LoadedRuleset ruleset = WazuhSuite.load(wazuh, scratch);
        List<WazuhSuite.FileTally> tallies = WazuhSuite.run(ruleset, WazuhSuite.iniFiles(wazuh));

        int passed = 0;
        int total = 0;
        for (WazuhSuite.FileTally tally : tallies) {
            passed += tally.passed();
            total += tally.total();
            System.out.println(tally.file().getFileName() + ": " + tally.passed() + " of " + tally.total()
                    + " sections pass");
            tally.failures().forEach(failure -> System.out.println("  " + failure));
        }
        System.out.println("wazuh suite: " + passed + " of " + total + " sections pass");

        assertThat(passed).as("sections passing (baseline %s in compat-baseline.properties)", BASELINE_KEY)
                .isGreaterThanOrEqualTo(baseline());
    }

    @Test
    void suiteRulesetLoadsEveryShippedDecoderFile(@TempDir Path scratch) throws IOException {
        Path wazuh = wazuhDir();
        long shipped;
        try (var files = Files.list(wazuh.resolve("ruleset").resolve("decoders"))) {
            shipped = files.filter(f -> f.toString().endsWith(".xml")).count();
        }

        LoadedRuleset ruleset = WazuhSuite.load(wazuh, scratch);

        long loaded = ruleset.decoderFiles().stream()
                .filter(f -> f.startsWith(wazuh.resolve("ruleset").resolve("decoders"))).count();
        assertThat(loaded).isEqualTo(shipped);
    }

    private static Path wazuhDir() {
        String dir = System.getProperty("tcpwatch.wazuhDir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "ruleset", "testing", "tests")),
                "skipped: system property tcpwatch.wazuhDir does not name a Wazuh 4.14.7 tree with"
                        + " ruleset/testing/tests (got [" + dir + "])");
        return Path.of(dir);
    }

    private static int baseline() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WazuhSuiteCompatibilityTests.class.getResourceAsStream("/compat-baseline.properties")) {
            assertThat(in).as("compat-baseline.properties on the test class path").isNotNull();
            properties.load(in);
        }
        String value = properties.getProperty(BASELINE_KEY);
        assertThat(value).as(BASELINE_KEY + " in compat-baseline.properties").isNotNull();
        return Integer.parseInt(value.trim());
    }
}
