package io.tcpwatch.dashboards.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tcpwatch.dashboards.objects.Reference;
import io.tcpwatch.dashboards.objects.SavedObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an import file's saved objects against each other and against the alerts index: unique ids,
 * references that resolve, embedded JSON that parses, reference names that match what the JSON uses,
 * and fields that exist with a type their aggregation accepts. Each problem is one sentence naming the
 * object and the place.
 */
public final class SavedObjectsCheck {

    /** The embedded JSON strings of each type, by attribute path. */
    private static final Map<String, List<String>> EMBEDDED = Map.of(
            "visualization", List.of("visState", "uiStateJSON", "kibanaSavedObjectMeta.searchSourceJSON"),
            "search", List.of("kibanaSavedObjectMeta.searchSourceJSON"),
            "dashboard", List.of("panelsJSON", "optionsJSON", "kibanaSavedObjectMeta.searchSourceJSON"));

    /** The field types each aggregation accepts. */
    private static final Map<String, Set<String>> ACCEPTED = Map.of(
            "terms", Set.of("keyword", "long", "integer", "short", "byte", "double", "float", "ip", "boolean"),
            "date_histogram", Set.of("date", "date_nanos"),
            "geohash_grid", Set.of("geo_point"),
            "top_hits", Set.of("keyword", "long", "integer", "short", "byte", "double", "float", "ip", "boolean",
                    "date", "text"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> externalIds;

    private final IndexFields fields;

    /**
     * Creates the check.
     *
     * @param externalIds ids that may be referenced without being in the file (the index pattern)
     * @param fields the alerts index's fields
     */
    public SavedObjectsCheck(Set<String> externalIds, IndexFields fields) {
        this.externalIds = Set.copyOf(externalIds);
        this.fields = fields;
    }

    /**
     * Checks the objects.
     *
     * @param objects the objects of one import file
     * @return the problems, empty when there are none
     */
    public List<String> problems(List<SavedObject> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, String> typeById = new HashMap<>();
        for (SavedObject object : objects) {
            if (typeById.putIfAbsent(object.id(), object.type()) != null) {
                problems.add(name(object) + ": id is used by more than one object");
            }
        }
        for (SavedObject object : objects) {
            for (Reference reference : object.references()) {
                String target = typeById.get(reference.id());
                boolean external = reference.type().equals(Reference.INDEX_PATTERN)
                        && this.externalIds.contains(reference.id());
                if (!external && !reference.type().equals(target)) {
                    problems.add(name(object) + ": reference [" + reference.name() + "] points at " + reference.type()
                            + " [" + reference.id() + "], which is neither in the file nor the alerts index pattern");
                }
            }
            Map<String, JsonNode> embedded = embedded(object, problems);
            checkReferenceNames(object, embedded, problems);
            if (embedded.containsKey("visState")) {
                checkAggregations(object, embedded.get("visState"), problems);
            }
            if (embedded.containsKey("kibanaSavedObjectMeta.searchSourceJSON")) {
                checkFilters(object, embedded.get("kibanaSavedObjectMeta.searchSourceJSON"), problems);
            }
            for (JsonNode column : object.attributes().path("columns")) {
                requireField(object, "column", column.asText(), problems);
            }
        }
        return problems;
    }

    private Map<String, JsonNode> embedded(SavedObject object, List<String> problems) {
        Map<String, JsonNode> parsed = new HashMap<>();
        for (String path : EMBEDDED.getOrDefault(object.type(), List.of())) {
            JsonNode value = object.attributes();
            for (String part : path.split("\\.")) {
                value = value.path(part);
            }
            if (!value.isTextual()) {
                problems.add(name(object) + ": attribute [" + path + "] is missing or not a string");
                continue;
            }
            try {
                parsed.put(path, MAPPER.readTree(value.asText()));
            }
            catch (JsonProcessingException ex) {
                problems.add(name(object) + ": attribute [" + path + "] is not JSON: " + ex.getOriginalMessage());
            }
        }
        return parsed;
    }

    private void checkReferenceNames(SavedObject object, Map<String, JsonNode> embedded, List<String> problems) {
        Set<String> used = new LinkedHashSet<>();
        JsonNode source = embedded.get("kibanaSavedObjectMeta.searchSourceJSON");
        if (source != null) {
            if (source.has("indexRefName")) {
                used.add(source.get("indexRefName").asText());
            }
            source.path("filter").forEach((filter) -> used.add(filter.path("meta").path("indexRefName").asText()));
            if (source.has("index")) {
                problems.add(name(object) + ": searchSourceJSON names its index inline instead of by indexRefName");
            }
        }
        JsonNode panels = embedded.get("panelsJSON");
        if (panels != null) {
            panels.forEach((panel) -> used.add(panel.path("panelRefName").asText()));
        }
        Set<String> declared = new HashSet<>();
        object.references().forEach((reference) -> declared.add(reference.name()));
        for (String name : used) {
            if (!declared.contains(name)) {
                problems.add(name(object) + ": uses reference [" + name + "] that its references do not declare");
            }
        }
        for (String name : declared) {
            if (!used.contains(name)) {
                problems.add(name(object) + ": declares reference [" + name + "] that nothing uses");
            }
        }
    }

    private void checkAggregations(SavedObject object, JsonNode visState, List<String> problems) {
        for (JsonNode agg : visState.path("aggs")) {
            String type = agg.path("type").asText();
            if (type.equals("count")) {
                continue;
            }
            String field = agg.path("params").path("field").asText("");
            Set<String> accepted = ACCEPTED.get(type);
            String at = name(object) + ": aggregation [" + agg.path("id").asText() + "] " + type;
            if (accepted == null) {
                problems.add(at + " is not an aggregation this check knows");
                continue;
            }
            String fieldType = this.fields.typeOf(field).orElse(null);
            if (fieldType == null) {
                problems.add(at + " on [" + field + "]: the field is not in the index template");
            }
            else if (!accepted.contains(fieldType)) {
                problems.add(at + " on [" + field + "]: the field is " + fieldType + ", the aggregation needs one of "
                        + accepted.stream().sorted().toList());
            }
        }
    }

    private void checkFilters(SavedObject object, JsonNode source, List<String> problems) {
        for (JsonNode filter : source.path("filter")) {
            requireField(object, "filter", filter.path("meta").path("key").asText(""), problems);
        }
    }

    private void requireField(SavedObject object, String what, String field, List<String> problems) {
        if (this.fields.typeOf(field).isEmpty()) {
            problems.add(name(object) + ": " + what + " field [" + field + "] is not in the index template");
        }
    }

    private static String name(SavedObject object) {
        return object.type() + " [" + object.id() + "]";
    }

}
