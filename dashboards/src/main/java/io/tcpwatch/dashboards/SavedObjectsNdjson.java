package io.tcpwatch.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tcpwatch.dashboards.objects.SavedObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import file format of OpenSearch Dashboards: one saved object per line, as compact JSON, each
 * line ending in a newline.
 */
public final class SavedObjectsNdjson {

    /** The name of the generated file, in {@code dashboards/generated/} and inside the jar. */
    public static final String FILE_NAME = "tcpwatch-dashboards.ndjson";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SavedObjectsNdjson() {
    }

    /**
     * Writes saved objects in import-file form.
     *
     * @param objects the objects, in file order
     * @return the file content
     */
    public static String write(List<SavedObject> objects) {
        StringBuilder out = new StringBuilder();
        for (SavedObject object : objects) {
            out.append(object.toJson().toString()).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads an import file.
     *
     * @param content the file content
     * @param source the file's name, for error messages
     * @return the saved objects, in file order
     * @throws IllegalArgumentException naming the file and line when a line is not a saved object
     */
    public static List<SavedObject> read(String content, String source) {
        List<SavedObject> objects = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String where = source + ":" + (i + 1);
            JsonNode json;
            try {
                json = MAPPER.readTree(line);
            }
            catch (JsonProcessingException ex) {
                throw new IllegalArgumentException(where + ": not JSON: " + ex.getOriginalMessage(), ex);
            }
            objects.add(SavedObject.fromJson(json, where));
        }
        return objects;
    }

    /**
     * Reads an import file from disk.
     *
     * @param file the file
     * @return the saved objects, in file order
     */
    public static List<SavedObject> read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("failed to read saved objects from " + file, ex);
        }
    }

}
