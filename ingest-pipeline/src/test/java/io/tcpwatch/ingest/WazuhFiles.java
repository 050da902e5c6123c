package io.tcpwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wazuh 4.x's stock files, read from the directory the build passes as {@code tcpwatch.wazuhDir}.
 */
final class WazuhFiles {

    private WazuhFiles() {
    }

    static Path directory() {
        String directory = System.getProperty("tcpwatch.wazuhDir");
        if (directory == null) {
            throw new IllegalStateException("system property [tcpwatch.wazuhDir] is not set: run the tests through "
                    + "Maven, which sets it to Wazuh's source tree");
        }
        Path path = Path.of(directory);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("tcpwatch.wazuhDir [" + path + "] is not a directory");
        }
        return path;
    }

    static Path templateFile() {
        return directory().resolve("extensions/elasticsearch/7.x/wazuh-template.json");
    }

    static Path pipelineFile() {
        return directory().resolve("extensions/filebeat/7.x/wazuh-module/alerts/ingest/pipeline.json");
    }

    static JsonNode template() {
        return read(templateFile());
    }

    static JsonNode pipeline() {
        return read(pipelineFile());
    }

    private static JsonNode read(Path file) {
        try {
            return JsonFiles.read(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
