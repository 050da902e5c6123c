package io.tcpwatch.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random patterns and subjects whose results were recorded from the real matchers: Wazuh 4.14.7's
 * {@code src/os_regex} compiled from source on x86-64 (OS_Regex with and without {@code OS_RETURN_SUBSTRING},
 * OS_Match) and libpcre2-8 10.42 called as Wazuh calls it ({@code pcre2_compile} with options 0,
 * {@code pcre2_match} from offset 0). See {@code src/test/resources/differential/README.md}.
 */
class DifferentialCorpusTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void osRegexAgreesWithWazuhsCompiledMatcher() throws IOException {
        int agreeing = run("osregex", oracle -> {
            String pattern = oracle.get("pattern").asText();
            String subject = oracle.get("subject").asText();
            boolean captures = oracle.get("captures").asBoolean();
            String actual;
            try {
                CompiledPattern compiled = captures ? Patterns.compile(PatternType.OSREGEX, pattern)
                        : Patterns.compileWithoutCaptures(PatternType.OSREGEX, pattern);
                PatternMatch match = compiled.match(subject);
                actual = match == null ? "no match" : "match last=" + match.last() + " groups=" + match.groups();
            } catch (PatternSyntaxError e) {
                actual = "compile error";
            }
            return agree(oracle, actual, "match last=" + charOfByte(subject, intOr(oracle, "last_byte")) + " groups="
                    + groups(oracle));
        });

        assertThat(agreeing).isGreaterThanOrEqualTo(OsRegexOracleTests.baseline("osregex.differential.pass"));
    }

    @Test
    void osMatchAgreesWithWazuhsCompiledMatcher() throws IOException {
        int agreeing = run("osmatch", oracle -> {
            boolean matches = Patterns.compile(PatternType.OSMATCH, oracle.get("pattern").asText())
                    .matches(oracle.get("subject").asText());
            return agree(oracle, matches ? "match" : "no match", "match");
        });

        assertThat(agreeing).isGreaterThanOrEqualTo(OsRegexOracleTests.baseline("osmatch.differential.pass"));
    }

    @Test
    void pcre2AgreesWithLibpcre2() throws IOException {
        int agreeing = run("pcre2", oracle -> {
            String subject = oracle.get("subject").asText();
            String actual;
            try {
                PatternMatch match = Patterns.compile(PatternType.PCRE2, oracle.get("pattern").asText()).match(subject);
                actual = match == null ? "no match" : "match end=" + match.end() + " groups=" + match.groups();
            } catch (PatternSyntaxError e) {
                actual = "compile error";
            }
            return agree(oracle, actual, "match end=" + charEndOfByte(subject, intOr(oracle, "end_byte")) + " groups="
                    + groups(oracle));
        });

        assertThat(agreeing).isGreaterThanOrEqualTo(OsRegexOracleTests.baseline("pcre2.differential.pass"));
    }

    /** Runs {@code check} on every case of the corpus; a non-null answer describes a disagreement. */
    private static int run(String name, Function<JsonNode, String> check) throws IOException {
        List<String> disagreements = new ArrayList<>();
        int total = 0;
        try (InputStream in = DifferentialCorpusTests.class.getResourceAsStream("/differential/" + name + ".jsonl")) {
            assertThat(in).as("differential/%s.jsonl on the test class path", name).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                total++;
                String disagreement = check.apply(JSON.readTree(line));
                if (disagreement != null) {
                    disagreements.add("line " + total + ": " + disagreement);
                }
            }
        }
        int agreeing = total - disagreements.size();
        System.out.println(name + " differential: " + agreeing + " of " + total + " cases agree");
        disagreements.stream().limit(20).forEach(disagreement -> System.out.println("  " + disagreement));
        return agreeing;
    }

    private static String agree(JsonNode oracle, String actual, String recordedMatch) {
        String result = oracle.get("result").asText();
        String expected = result.equals("match") ? recordedMatch : result;
        return Objects.equals(expected, actual) ? null
                : "pattern [" + oracle.get("pattern").asText() + "] subject [" + oracle.get("subject").asText()
                        + "]: expected " + expected + ", got " + actual;
    }

    private static int intOr(JsonNode oracle, String field) {
        return oracle.has(field) ? oracle.get(field).asInt() : 0;
    }

    private static List<String> groups(JsonNode oracle) {
        List<String> groups = new ArrayList<>();
        if (oracle.has("groups_utf8_hex")) {
            oracle.get("groups_utf8_hex").forEach(group -> groups.add(
                    new String(HexFormat.of().parseHex(group.asText()), StandardCharsets.UTF_8)));
        }
        return groups;
    }

    /** The char of {@code subject} whose UTF-8 encoding holds byte {@code byteOffset}; -1 stays -1. */
    private static int charOfByte(String subject, int byteOffset) {
        if (byteOffset < 0) {
            return byteOffset;
        }
        int bytes = 0;
        for (int i = 0; i < subject.length(); i++) {
            bytes += String.valueOf(subject.charAt(i)).getBytes(StandardCharsets.UTF_8).length;
            if (byteOffset < bytes) {
                return i;
            }
        }
        return subject.length();
    }

    /** The number of chars of {@code subject} that start before byte {@code byteEnd}. */
    private static int charEndOfByte(String subject, int byteEnd) {
        return byteEnd == 0 ? 0 : charOfByte(subject, byteEnd - 1) + 1;
    }
}
