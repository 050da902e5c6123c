package io.tcpwatch.ingest;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the index mappings for the fields the pipeline adds and merges them into Wazuh's index template.
 *
 * <p>The merge only adds: a field the template already maps keeps its mapping (Wazuh's {@code data.srcip} and
 * {@code data.dstip} stay {@code keyword}, {@code GeoLocation.ip} too), and a field mapped differently from what
 * the pipeline needs is an error rather than a silent change.
 */
public final class IndexTemplateGenerator {

    /** The name Wazuh's Filebeat configuration gives the template ({@code setup.template.json.name}). */
    public static final String TEMPLATE_NAME = "wazuh";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Lucene refuses terms over 32,766 bytes; 8,191 characters of UTF-8 stay below that. */
    private static final int LONG_TEXT = 8191;

    /**
     * Returns the mappings of the added fields, in the shape of a template's {@code mappings.properties}.
     * @return the properties to add
     */
    public ObjectNode additions() {
        ObjectNode properties = JSON.objectNode();
        ObjectNode source = properties.putObject(GeoIpFields.SOURCE_TARGET).putObject("properties");
        addedLocationFields(source);
        ObjectNode destination = properties.putObject(GeoIpFields.DESTINATION_TARGET).putObject("properties");
        type(destination, "city_name", "keyword");
        type(destination, "country_name", "keyword");
        type(destination, "region_name", "keyword");
        type(destination, "location", "geo_point");
        destination.putObject("ip").put("type", "ip").put("ignore_malformed", true);
        addedLocationFields(destination);
        ObjectNode error = properties.putObject(AlertsPipelineGenerator.ERROR_FIELD).putObject("properties");
        // Messages and rejected values can be long; past this many characters they are kept in _source only.
        error.putObject("message").put("type", "keyword").put("ignore_above", LONG_TEXT);
        type(error, "processor", "keyword");
        type(error, "field", "keyword");
        error.putObject("timestamp").put("type", "keyword").put("ignore_above", LONG_TEXT);
        return properties;
    }

    /**
     * Returns Wazuh's template with the added fields merged into its mappings. The argument is not changed.
     * @param stockTemplate a legacy index template with {@code mappings.properties}, e.g. wazuh-template.json
     * @return the merged template
     * @throws IllegalArgumentException when the template has no {@code mappings.properties} or maps an added field
     *     differently
     */
    public ObjectNode merge(JsonNode stockTemplate) {
        JsonNode properties = stockTemplate.path("mappings").path("properties");
        if (!properties.isObject()) {
            throw new IllegalArgumentException("index template has no object at [mappings.properties]");
        }
        ObjectNode merged = stockTemplate.deepCopy();
        mergeInto((ObjectNode) merged.get("mappings").get("properties"), additions(), "mappings.properties");
        return merged;
    }

    private static void mergeInto(ObjectNode target, JsonNode additions, String path) {
        Iterator<Map.Entry<String, JsonNode>> entries = additions.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String where = path + "." + entry.getKey();
            JsonNode existing = target.get(entry.getKey());
            if (existing == null) {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
            else if (existing.isObject() && entry.getValue().isObject() && !entry.getValue().has("type")) {
                mergeInto((ObjectNode) existing, entry.getValue(), where);
            }
            else if (!existing.equals(entry.getValue()) && !sameType(existing, entry.getValue())) {
                throw new IllegalArgumentException("index template maps [" + where + "] as " + existing
                        + " but the pipeline writes it as " + entry.getValue());
            }
        }
    }

    private static boolean sameType(JsonNode existing, JsonNode wanted) {
        return existing.isObject() && existing.path("type").equals(wanted.path("type"));
    }

    private static void addedLocationFields(ObjectNode properties) {
        type(properties, "asn", "long");
        type(properties, "as_org", "keyword");
        type(properties, "scope", "keyword");
    }

    private static void type(ObjectNode properties, String field, String type) {
        properties.putObject(field).put("type", type);
    }

}
