package io.tcpwatch.tracer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every property the build's configuration metadata lists has a row in docs/install-tracer.md. */
class ConfigurationReferenceTests {

    private static final Pattern NAME = Pattern.compile("\"name\": \"(tcpwatch\\.[a-z.-]+)\"");

    @Test
    void everyPropertyIsInTheInstallGuidesReferenceTable() throws Exception {
        List<String> properties = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String propertiesSection = metadata.substring(metadata.indexOf("\"properties\""));
            Matcher matcher = NAME.matcher(propertiesSection);
            while (matcher.find()) {
                properties.add(matcher.group(1));
            }
        }
        String guide = Files.readString(Path.of("..", "docs", "install-tracer.md"));

        assertThat(properties).hasSize(25)
                .allSatisfy(property -> assertThat(guide).contains("| `" + property + "` |"));
    }
}
