package io.tcpwatch.tracer.agent.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.tracer.agent.KernelEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in docs/event-schema.md are what the formatter writes for the same events. */
class SchemaDocumentTests {

    private static final Path SCHEMA = Path.of("..", "docs", "event-schema.md");

    @Test
    void everyJsonExampleOfTheSchemaIsWhatTheFormatterWrites() throws Exception {
        JsonEventFormatter formatter = new JsonEventFormatter();
        HealthReport health = new HealthReport(Instant.parse("2026-12-04T15:33:00Z"),
                "tp_btf/inet_sock_set_state,tp_btf/sys_exit", "", 0, 0, 0, 0, 0, 1520, 0, 0, "0.1.0");

        List<String> written = List.of(
                text(formatter.format(KernelEvents.curlConnect().enrichedAsCurl(), Integer.MAX_VALUE)),
                text(formatter.format(KernelEvents.schemaAccept(), Integer.MAX_VALUE)),
                text(formatter.format(KernelEvents.schemaClose(), Integer.MAX_VALUE)),
                text(formatter.format(KernelEvents.schemaIpv6Connect(), Integer.MAX_VALUE)),
                text(formatter.format(health, Integer.MAX_VALUE)));

        assertThat(jsonExamples()).containsExactlyElementsOf(written);
    }

    @Test
    void legacyExampleOfTheSchemaIsWhatTheLegacyFormatterWrites() throws Exception {
        String line = text(new LegacyEventFormatter(new JsonEventFormatter())
                .format(KernelEvents.curlConnect().enrichedAsCurl(), Integer.MAX_VALUE));

        assertThat(Files.readString(SCHEMA)).contains("```\n" + line + "\n```");
    }

    private static List<String> jsonExamples() throws Exception {
        List<String> examples = new ArrayList<>();
        List<String> lines = Files.readAllLines(SCHEMA);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).equals("```json")) {
                examples.add(lines.get(i + 1));
            }
        }
        return examples;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
