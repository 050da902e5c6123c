package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One aggregation of a visualization's {@code visState}, in the form OpenSearch Dashboards 2.x saves:
 * an id, a type, the schema (the editor slot it fills: {@code metric}, {@code segment}, {@code group},
 * {@code bucket}) and the type's parameters.
 *
 * @param id the aggregation id, unique within its visualization; metrics are ordered by it
 * @param type the aggregation type ({@code count}, {@code terms}, {@code date_histogram}, ...)
 * @param schema the editor slot
 * @param params the type's parameters
 */
public record Agg(String id, String type, String schema, ObjectNode params) {

    /** The time field of the Wazuh alerts index pattern. */
    public static final String TIME_FIELD = "timestamp";

    public Agg {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(type, "'type' must not be null");
        Objects.requireNonNull(schema, "'schema' must not be null");
        params = params.deepCopy();
    }

    /**
     * The number of documents, the metric of every visualization here.
     *
     * @param id the aggregation id
     * @return the aggregation
     */
    public static Agg count(String id) {
        return new Agg(id, "count", "metric", JsonNodeFactory.instance.objectNode());
    }

    /**
     * The top values of a field, ordered by the count metric {@code orderBy}.
     *
     * @param id the aggregation id
     * @param schema the editor slot
     * @param field the field, keyword or numeric
     * @param size how many values to keep
     * @param orderBy the id of the metric the buckets are ordered by
     * @param label the column or legend label
     * @return the aggregation
     */
    public static Agg terms(String id, String schema, String field, int size, String orderBy, String label) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("field", field);
        params.put("orderBy", orderBy);
        params.put("order", "desc");
        params.put("size", size);
        params.put("otherBucket", false);
        params.put("otherBucketLabel", "Other");
        params.put("missingBucket", false);
        params.put("missingBucketLabel", "Missing");
        params.put("customLabel", label);
        return new Agg(id, "terms", schema, params);
    }

    /**
     * Buckets of time on the alert timestamp, with the interval the dashboard picks for the time range.
     *
     * @param id the aggregation id
     * @param schema the editor slot
     * @return the aggregation
     */
    public static Agg dateHistogram(String id, String schema) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("field", TIME_FIELD);
        params.putObject("timeRange").put("from", "now-24h").put("to", "now");
        params.put("useNormalizedOpenSearchInterval", true);
        params.put("scaleMetricValues", false);
        params.put("interval", "auto");
        params.put("drop_partials", false);
        params.put("min_doc_count", 1);
        params.putObject("extended_bounds");
        params.put("customLabel", "Time");
        return new Agg(id, "date_histogram", schema, params);
    }

    /**
     * Geohash cells of a geo_point field, each placed at the centroid of its points.
     *
     * @param id the aggregation id
     * @param field the geo_point field
     * @param precision the geohash length when the map does not choose one from its zoom
     * @return the aggregation
     */
    public static Agg geohashGrid(String id, String field, int precision) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("field", field);
        params.put("autoPrecision", true);
        params.put("precision", precision);
        params.put("useGeocentroid", true);
        params.put("isFilteredByCollar", true);
        return new Agg(id, "geohash_grid", "segment", params);
    }

    /**
     * The value of a field in the newest document of each bucket.
     *
     * @param id the aggregation id
     * @param field the field whose value is shown
     * @param label the column label
     * @return the aggregation
     */
    public static Agg latestValue(String id, String field, String label) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("field", field);
        params.put("aggregate", "concat");
        params.put("size", 1);
        params.put("sortField", TIME_FIELD);
        params.put("sortOrder", "desc");
        params.put("customLabel", label);
        return new Agg(id, "top_hits", "metric", params);
    }

    /**
     * The field the aggregation reads.
     *
     * @return the field name, or an empty string for {@code count}
     */
    public String field() {
        return this.params.path("field").asText("");
    }

    /**
     * The saved form.
     *
     * @return the JSON object
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", this.id);
        json.put("enabled", true);
        json.put("type", this.type);
        json.put("schema", this.schema);
        json.set("params", this.params.deepCopy());
        return json;
    }

}
