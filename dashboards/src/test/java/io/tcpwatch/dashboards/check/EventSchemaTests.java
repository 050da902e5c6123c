package io.tcpwatch.dashboards.check;

import io.tcpwatch.dashboards.AlertsIndexTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemaTests {

    private static final Path SCHEMA = AlertsIndexTemplate.moduleDir().resolve("../docs/event-schema.md");

    @Test
    void everyKeyTheCheckKnowsIsAKeyOfTheDocumentedSchema() throws IOException {
        String doc = Files.readString(SCHEMA);
        String table = doc.substring(doc.indexOf("## Keys"), doc.indexOf("## Examples"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("^\\| `([a-z_.]+)` \\|", Pattern.MULTILINE).matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsAll(EventSchema.KEYS);
    }

}
