package io.tcpwatch.rules.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * tcpwatch's {@code .ini} tests cover every rule and decoder it ships, with positive and negative cases,
 * and use the tracer's exact payloads. Whether the cases pass is checked by running them through the
 * engine; this checks what the file asks for.
 */
class TcpwatchIniCoverageTests {

    private static final Path INI = TcpwatchContentLintTests.RULESET.resolve("tests/tcpwatch.ini");

    private static final Path RULES = TcpwatchContentLintTests.RULESET.resolve("rules/0990-tcpwatch_rules.xml");

    private static final Pattern RULE_ID = Pattern.compile("<rule id=\"(\\d+)\"");

    private static final Pattern SCHEMA_EXAMPLE = Pattern.compile("(?m)^\\{\"integration\":\"tcpwatch\".*}$");

    /** The sections of the file: title to its keys, each key with every value it was given. */
    private static Map<String, Map<String, List<String>>> sections() throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : Files.readAllLines(INI, StandardCharsets.UTF_8)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.length() - 1), current);
            }
            else if (!line.isBlank() && !line.startsWith(";") && current != null) {
                int eq = line.indexOf(" = ");
                current.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 3));
            }
        }
        return sections;
    }

    private static Set<String> shippedRuleIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        Matcher m = RULE_ID.matcher(Files.readString(RULES));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Set<String> expectedRulesOf(String suffix) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Map<String, List<String>> keys : sections().values()) {
            if (keys.keySet().stream().anyMatch(k -> k.startsWith("log ") && k.endsWith(suffix))) {
                ids.addAll(keys.get("rule"));
            }
        }
        return ids;
    }

    @Test
    void everyShippedRuleHasAPassingCase() throws IOException {
        Set<String> shipped = shippedRuleIds();

        Set<String> passing = expectedRulesOf(" pass");

        assertThat(shipped).hasSize(24);
        assertThat(passing).containsAll(shipped);
    }

    @Test
    void everyDetectionHasANegativeCase() throws IOException {
        Set<String> failing = expectedRulesOf(" fail");

        assertThat(failing).contains("110010", "110020", "110022", "110023", "110030", "110040", "110050", "110051",
                "110060", "110061");
    }

    @Test
    void everySectionNamesOneRuleLevelAndDecoder() throws IOException {
        for (Map.Entry<String, Map<String, List<String>>> section : sections().entrySet()) {
            Map<String, List<String>> keys = section.getValue();

            assertThat(keys.get("rule")).as(section.getKey()).hasSize(1);
            assertThat(keys.get("alert")).as(section.getKey()).hasSize(1);
            assertThat(keys.get("decoder")).as(section.getKey()).singleElement().isIn("json", "tcpwatch-legacy");
        }
    }

    @Test
    void everyDecoderTcpwatchShipsHasACase() throws IOException {
        Set<String> decoders = new TreeSet<>();
        sections().values().forEach(keys -> decoders.addAll(keys.get("decoder")));

        assertThat(decoders).containsExactly("json", "tcpwatch-legacy");
    }

    private static List<String> schemaExamples() throws IOException {
        Path schema = Path.of("..", "docs", "event-schema.md");
        List<String> examples = new ArrayList<>();
        Matcher m = SCHEMA_EXAMPLE.matcher(Files.readString(schema, StandardCharsets.UTF_8));
        while (m.find()) {
            examples.add(m.group());
        }
        return examples;
    }

    @Test
    void theRulesHeaderShowsTheSchemaExamplesAsDatagrams() throws IOException {
        String rules = Files.readString(RULES, StandardCharsets.UTF_8);
        List<String> samples = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^    1:tcpwatch:(\\{.*})$").matcher(rules);
        while (m.find()) {
            samples.add(m.group(1));
        }

        assertThat(schemaExamples()).containsAll(samples);
        assertThat(samples).hasSize(4);
    }

    @Test
    void theEventSchemaExamplesAreTestedByteForByte() throws IOException {
        List<String> examples = schemaExamples();
        List<String> logs = new ArrayList<>();
        sections().values().forEach(keys -> keys.forEach((k, v) -> {
            if (k.startsWith("log ")) {
                logs.addAll(v);
            }
        }));

        assertThat(examples).hasSize(5);
        assertThat(logs).containsAll(examples);
    }
}
