package io.tcpwatch.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of Wazuh's own OS_Regex unit test against {@link OsRegex} and compares with what Wazuh
 * 4.14.7 returned for it ({@code src/unit_tests/os_regex/os_regex_actual_results.json}, quirks included).
 * The number of passing cases may not fall below {@code osregex.oracle.pass} in
 * {@code compat-baseline.properties}.
 */
class OsRegexOracleTests {

    private static final String RESULTS = "src/unit_tests/os_regex/os_regex_actual_results.json";

    @Test
    void oracleCasesPassAtLeastAsOftenAsTheCommittedBaseline() throws IOException {
        Path results = wazuhDirectory().resolve(RESULTS);
        assumeTrue(Files.isRegularFile(results), () -> "skipped: the Wazuh 4.14.7 test data is not at " + results
                + "; set -Dtcpwatch.wazuhDir to the directory holding src/unit_tests/os_regex");
        JsonNode cases = new ObjectMapper().readTree(results.toFile());
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (JsonNode oracleCase : cases) {
            String failure = check(oracleCase);
            if (failure != null) {
                failures.add("#" + index + " " + failure);
            }
            index++;
        }
        int passed = cases.size() - failures.size();

        System.out.println("os_regex oracle: " + passed + " of " + cases.size() + " cases pass");
        failures.stream().limit(40).forEach(failure -> System.out.println("  " + failure));
        assertThat(passed).as("passing oracle cases (failures: %s)", failures)
                .isGreaterThanOrEqualTo(baseline("osregex.oracle.pass"));
    }

    /** A description of how Wazuh's answer and ours differ, or {@code null} when they agree. */
    private static String check(JsonNode oracleCase) {
        String pattern = oracleCase.get("pattern").asText();
        String log = oracleCase.get("log").asText();
        boolean compileError = oracleCase.get("compile_error").asBoolean();
        JsonNode endMatch = oracleCase.get("end_match");
        String expectedEnd = endMatch.isNull() ? null : endMatch.asText();
        List<String> expectedGroups = new ArrayList<>();
        oracleCase.get("captured_groups").forEach(group -> expectedGroups.add(group.asText()));
        CompiledPattern compiled;
        try {
            compiled = Patterns.compile(PatternType.OSREGEX, pattern);
        } catch (PatternSyntaxError e) {
            return compileError ? null : "pattern [" + pattern + "] was rejected: " + e.getMessage();
        }
        if (compileError) {
            return "pattern [" + pattern + "] compiled, Wazuh rejects it";
        }
        PatternMatch match = compiled.match(log);
        String actualEnd = match == null ? null : returnedText(log, match);
        List<String> actualGroups = match == null ? List.of() : match.groups();
        if (Objects.equals(expectedEnd, actualEnd) && expectedGroups.equals(actualGroups)) {
            return null;
        }
        return "pattern [" + pattern + "] log [" + log + "]: expected end [" + expectedEnd + "] groups "
                + expectedGroups + ", got end [" + actualEnd + "] groups " + actualGroups;
    }

    /**
     * The subject from the pointer Wazuh returns. For an empty match at the start Wazuh points one byte before
     * the subject; its oracle records that as the empty string.
     */
    private static String returnedText(String log, PatternMatch match) {
        return match.last() < 0 ? "" : log.substring(match.last());
    }

    static Path wazuhDirectory() {
        String configured = System.getProperty("tcpwatch.wazuhDir");
        return Path.of(configured != null ? configured : "../../shared/wazuh-4.14.7");
    }

    static int baseline(String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OsRegexOracleTests.class.getResourceAsStream("/compat-baseline.properties")) {
            assertThat(in).as("compat-baseline.properties on the test class path").isNotNull();
            properties.load(in);
        }
        String value = properties.getProperty(key);
        assertThat(value).as("key %s in compat-baseline.properties", key).isNotNull();
        return Integer.parseInt(value.trim());
    }
}
