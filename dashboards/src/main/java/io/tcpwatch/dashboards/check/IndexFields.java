package io.tcpwatch.dashboards.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field types of the Wazuh alerts index, read from an index template: the explicit mappings, plus
 * the template's dynamic rule for strings, which applies to the tcpwatch event's fields that have no
 * mapping (the JSON decoder writes every {@code data} value as a string). A {@code data.*} field that
 * is neither mapped nor a key of the event is not in the index.
 */
public final class IndexFields {

    private static final Set<String> EVENT_FIELDS = EventSchema.alertFields();

    private final Map<String, String> types;

    private final String dynamicStringType;

    private IndexFields(Map<String, String> types, String dynamicStringType) {
        this.types = Map.copyOf(types);
        this.dynamicStringType = dynamicStringType;
    }

    /**
     * Reads a legacy ({@code mappings} at the top) or composable ({@code template.mappings}) index template.
     *
     * @param template the template JSON
     * @param source where the template came from, for error messages
     * @return the field types
     * @throws IllegalArgumentException when the template has no mappings
     */
    public static IndexFields fromTemplate(JsonNode template, String source) {
        JsonNode mappings = template.has("mappings") ? template.get("mappings")
                : template.path("template").path("mappings");
        if (!mappings.path("properties").isObject()) {
            throw new IllegalArgumentException("index template [" + source + "] has no mappings.properties");
        }
        Map<String, String> types = new LinkedHashMap<>();
        flatten(mappings.get("properties"), "", types);
        String dynamicString = null;
        for (JsonNode entry : mappings.path("dynamic_templates")) {
            for (JsonNode rule : entry) {
                if ("string".equals(rule.path("match_mapping_type").asText()) && !rule.has("match")
                        && !rule.has("path_match")) {
                    dynamicString = rule.path("mapping").path("type").asText(null);
                }
            }
        }
        return new IndexFields(types, dynamicString);
    }

    /**
     * Adds or replaces explicit mappings.
     *
     * @param extra field name to type
     * @return the combined field types
     */
    public IndexFields with(Map<String, String> extra) {
        Map<String, String> combined = new LinkedHashMap<>(this.types);
        combined.putAll(extra);
        return new IndexFields(combined, this.dynamicStringType);
    }

    /**
     * The type a field has in the index.
     *
     * @param field the dotted field name
     * @return the explicit type; for an unmapped field of the tcpwatch event, the template's dynamic string
     *     type; empty when the field is not in the index
     */
    public Optional<String> typeOf(String field) {
        String type = this.types.get(field);
        if (type != null) {
            return Optional.of(type);
        }
        if (EVENT_FIELDS.contains(field) && this.dynamicStringType != null) {
            return Optional.of(this.dynamicStringType);
        }
        return Optional.empty();
    }

    /**
     * Whether a field is explicitly mapped (rather than typed by the dynamic rule).
     *
     * @param field the dotted field name
     * @return whether the template maps it
     */
    public boolean isMapped(String field) {
        return this.types.containsKey(field);
    }

    private static void flatten(JsonNode properties, String prefix, Map<String, String> types) {
        properties.properties().forEach((entry) -> {
            String name = prefix + entry.getKey();
            JsonNode mapping = entry.getValue();
            if (mapping.has("properties")) {
                flatten(mapping.get("properties"), name + ".", types);
            }
            else {
                types.put(name, mapping.path("type").asText("object"));
            }
        });
    }

}
