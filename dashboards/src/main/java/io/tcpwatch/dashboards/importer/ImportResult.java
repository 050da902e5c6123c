package io.tcpwatch.dashboards.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What the saved-objects import API answered: the objects it wrote and the objects it refused, each
 * with the reason.
 *
 * @param success whether every object was written
 * @param successCount how many objects were written
 * @param imported the objects written
 * @param failures the objects refused
 */
public record ImportResult(boolean success, int successCount, List<Imported> imported, List<Failure> failures) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ImportResult {
        imported = List.copyOf(imported);
        failures = List.copyOf(failures);
    }

    /**
     * An object the dashboard wrote.
     *
     * @param type the saved-object type
     * @param id the id
     * @param title the title
     * @param overwritten whether it replaced an object with the same id
     */
    public record Imported(String type, String id, String title, boolean overwritten) {
    }

    /**
     * An object the dashboard refused.
     *
     * @param type the saved-object type
     * @param id the id
     * @param title the title
     * @param reason the error type ({@code missing_references}, {@code conflict}, {@code unsupported_type},
     *     {@code unknown}, ...)
     * @param detail what the error says: the missing references, or the error message
     */
    public record Failure(String type, String id, String title, String reason, String detail) {
    }

    /**
     * Reads the body of a {@code 200} answer of {@code POST /api/saved_objects/_import}.
     *
     * @param body the response body
     * @return the result
     * @throws ImportException when the body is not the import API's answer
     */
    public static ImportResult parse(String body) {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        }
        catch (JsonProcessingException ex) {
            throw new ImportException("import response is not JSON: " + ex.getOriginalMessage() + " in body ["
                    + abbreviate(body) + "]", ex);
        }
        if (json == null || !json.isObject() || !json.path("success").isBoolean()) {
            throw new ImportException("import response has no boolean [success]: [" + abbreviate(body) + "]");
        }
        List<Imported> imported = new ArrayList<>();
        for (JsonNode item : json.path("successResults")) {
            imported.add(new Imported(item.path("type").asText(), item.path("id").asText(),
                    item.path("meta").path("title").asText(""), item.path("overwrite").asBoolean(false)));
        }
        List<Failure> failures = new ArrayList<>();
        for (JsonNode item : json.path("errors")) {
            JsonNode error = item.path("error");
            String title = item.path("title").asText(item.path("meta").path("title").asText(""));
            failures.add(new Failure(item.path("type").asText(), item.path("id").asText(), title,
                    error.path("type").asText("unknown"), detail(error)));
        }
        return new ImportResult(json.path("success").asBoolean(), json.path("successCount").asInt(imported.size()),
                imported, failures);
    }

    /**
     * Reads the body of an error answer (4xx or 5xx) into a message naming the status and the reason.
     *
     * @param status the HTTP status
     * @param body the response body
     * @return the message
     */
    public static String errorMessage(int status, String body) {
        StringBuilder message = new StringBuilder("import refused with HTTP ").append(status);
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                if (json.hasNonNull("error")) {
                    message.append(' ').append(json.get("error").asText());
                }
                if (json.hasNonNull("message")) {
                    message.append(": ").append(json.get("message").asText());
                }
                return message.toString();
            }
        }
        catch (JsonProcessingException ex) {
            // Not JSON (a proxy's HTML page, for instance): the raw body is the best description.
        }
        if (!body.isBlank()) {
            message.append(": ").append(abbreviate(body.strip()));
        }
        return message.toString();
    }

    private static String detail(JsonNode error) {
        if (error.path("references").isArray() && !error.path("references").isEmpty()) {
            List<String> references = new ArrayList<>();
            error.path("references").forEach((ref) -> references.add(ref.path("type").asText() + " "
                    + ref.path("id").asText()));
            return "missing " + String.join(", ", references);
        }
        return error.path("message").asText("");
    }

    private static String abbreviate(String body) {
        int max = 200;
        return body.length() <= max ? body : body.substring(0, max) + "...";
    }

}
