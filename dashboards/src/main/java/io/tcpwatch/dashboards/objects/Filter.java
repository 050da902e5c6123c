package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A filter pill of OpenSearch Dashboards: a field that must hold one value ({@code phrase}) or one of
 * several values ({@code phrases}). The saved form carries both the pill's description ({@code meta})
 * and the query the dashboard sends ({@code query}), built here from the same field and values.
 */
public final class Filter {

    private final String field;

    private final List<String> values;

    private Filter(String field, List<String> values) {
        this.field = Objects.requireNonNull(field, "'field' must not be null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("filter on [" + field + "] needs at least one value");
        }
        this.values = List.copyOf(values);
    }

    /**
     * A filter that keeps the documents whose field holds the value.
     *
     * @param field the field name
     * @param value the value
     * @return the filter
     */
    public static Filter phrase(String field, String value) {
        return new Filter(field, List.of(value));
    }

    /**
     * A filter that keeps the documents whose field holds any of the values.
     *
     * @param field the field name
     * @param values the values, at least one
     * @return the filter
     */
    public static Filter phrases(String field, String... values) {
        return new Filter(field, List.of(values));
    }

    /**
     * The field the filter tests.
     *
     * @return the field name
     */
    public String field() {
        return this.field;
    }

    /**
     * The saved form of the filter.
     *
     * @param indexRefName the name of the reference that points at the filter's index pattern
     * @return the JSON object
     */
    public ObjectNode toJson(String indexRefName) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        ObjectNode meta = json.putObject("meta");
        meta.putNull("alias");
        meta.put("negate", false);
        meta.put("disabled", false);
        meta.put("key", this.field);
        if (this.values.size() == 1) {
            meta.put("type", "phrase");
            meta.putObject("params").put("query", this.values.get(0));
            json.set("query", matchPhrase(this.values.get(0)));
        }
        else {
            meta.put("type", "phrases");
            meta.put("value", String.join(", ", this.values));
            ArrayNode params = meta.putArray("params");
            this.values.forEach(params::add);
            ObjectNode bool = json.putObject("query").putObject("bool");
            ArrayNode should = bool.putArray("should");
            this.values.forEach((value) -> should.add(matchPhrase(value)));
            bool.put("minimum_should_match", 1);
        }
        meta.put("indexRefName", indexRefName);
        json.putObject("$state").put("store", "appState");
        return json;
    }

    private ObjectNode matchPhrase(String value) {
        ObjectNode query = JsonNodeFactory.instance.objectNode();
        query.putObject("match_phrase").put(this.field, value);
        return query;
    }

}
