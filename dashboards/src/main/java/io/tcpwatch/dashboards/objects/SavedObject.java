package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One saved object of OpenSearch Dashboards (a visualization, a saved search or a dashboard) in the
 * form its export and import files use: one JSON object per line with {@code attributes}, {@code id},
 * {@code migrationVersion}, {@code references} and {@code type}.
 *
 * <p>{@code migrationVersion} names the last migration the object already satisfies, so the dashboard
 * runs no migration on import. The values are those of OpenSearch Dashboards 2.x, which the Wazuh
 * dashboard 4.x is built on.
 *
 * @param type the saved-object type
 * @param id the object's id, unique within an import file
 * @param attributes the type's attributes; nested JSON (visState, searchSourceJSON, ...) is held as strings
 * @param references the objects this one points to
 * @param migrationVersion the type's migration version
 */
public record SavedObject(String type, String id, ObjectNode attributes, List<Reference> references,
        Map<String, String> migrationVersion) {

    public SavedObject {
        Objects.requireNonNull(type, "'type' must not be null");
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(attributes, "'attributes' must not be null");
        references = List.copyOf(references);
        migrationVersion = Map.copyOf(migrationVersion);
    }

    /**
     * The object's title attribute.
     *
     * @return the title, or an empty string when the object has none
     */
    public String title() {
        return this.attributes.path("title").asText("");
    }

    /**
     * The object as one line of an import file; the key order is fixed so the file is reproducible.
     *
     * @return the JSON object
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("attributes", this.attributes.deepCopy());
        json.put("id", this.id);
        ObjectNode migration = json.putObject("migrationVersion");
        this.migrationVersion.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach((entry) -> migration.put(entry.getKey(), entry.getValue()));
        ArrayNode refs = json.putArray("references");
        for (Reference reference : this.references) {
            refs.addObject().put("id", reference.id()).put("name", reference.name()).put("type", reference.type());
        }
        json.put("type", this.type);
        return json;
    }

    /**
     * Reads a saved object from one line of an import file.
     *
     * @param json the parsed line
     * @param where where the line came from, for error messages ({@code file.ndjson:3})
     * @return the saved object
     * @throws IllegalArgumentException when a required key is missing or has the wrong JSON type
     */
    public static SavedObject fromJson(JsonNode json, String where) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(where + ": saved object must be a JSON object, found "
                    + json.getNodeType());
        }
        String type = requireText(json, "type", where);
        String id = requireText(json, "id", where);
        JsonNode attributes = json.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw new IllegalArgumentException(where + ": field [attributes] must be a JSON object");
        }
        List<Reference> references = new ArrayList<>();
        JsonNode refs = json.path("references");
        if (!refs.isMissingNode() && !refs.isArray()) {
            throw new IllegalArgumentException(where + ": field [references] must be a JSON array");
        }
        for (int i = 0; i < refs.size(); i++) {
            String at = where + ": references[" + i + "]";
            JsonNode ref = refs.get(i);
            references.add(new Reference(requireText(ref, "name", at), requireText(ref, "type", at),
                    requireText(ref, "id", at)));
        }
        Map<String, String> migration = new LinkedHashMap<>();
        json.path("migrationVersion").properties()
                .forEach((entry) -> migration.put(entry.getKey(), entry.getValue().asText()));
        return new SavedObject(type, id, (ObjectNode) attributes, references, migration);
    }

    private static String requireText(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(where + ": field [" + field + "] must be a non-empty string");
        }
        return value.asText();
    }

}
