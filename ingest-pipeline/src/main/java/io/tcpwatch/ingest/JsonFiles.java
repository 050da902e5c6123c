package io.tcpwatch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Reads and writes the JSON documents of this module: pipelines and index templates, printed with two-space
 * indentation, one array element per line and a final newline, so that generated files read and diff well.
 */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonFiles() {
    }

    /**
     * @param node a document
     * @return the document as readable text ending in a newline
     */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node).replace(" : ", ": ") + "\n";
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Failed to print JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * @param node a document
     * @return the document on one line, as sent to the indexer
     */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Failed to print JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * @param text JSON text
     * @param source what the text is, for the error message (a file name, a URL)
     * @return the parsed document
     * @throws IllegalArgumentException when the text is not JSON, naming the source, line and column
     */
    public static JsonNode parse(String text, String source) {
        try {
            return MAPPER.readTree(text);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(source + " is not valid JSON at line " + ex.getLocation().getLineNr()
                    + ", column " + ex.getLocation().getColumnNr() + ": " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * @param file a JSON file
     * @return the parsed document
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not JSON
     */
    public static JsonNode read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @return the mapper this module uses */
    static ObjectMapper mapper() {
        return MAPPER;
    }

}
