package io.tcpwatch.dashboards.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.dashboards.objects.Agg;
import io.tcpwatch.dashboards.objects.SavedObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The search request a saved visualization or saved search makes, built from its saved form the way
 * OpenSearch Dashboards builds it: the search source's query and filters plus the time range in a
 * {@code bool} filter, and the bucket aggregations nested in their saved order with the metrics in the
 * innermost bucket. It also reads the answer back into rows, one per innermost bucket.
 *
 * <p>It covers what the tcpwatch objects use: {@code count}, {@code top_hits}, {@code terms} ordered by
 * the count, {@code date_histogram}, {@code geohash_grid}, and phrase(s) filters with an empty query.
 * It does NOT translate other aggregations, KQL or Lucene queries, or the map's viewport collar; those
 * are rejected with an error naming the object.
 */
public final class VisualizationQuery {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SavedObject object;

    private final List<Agg> buckets = new ArrayList<>();

    private final List<Agg> metrics = new ArrayList<>();

    private final JsonNode searchSource;

    private final List<String> columns = new ArrayList<>();

    /**
     * Reads a visualization or a saved search.
     *
     * @param object the saved object
     * @throws IllegalArgumentException when the object's embedded JSON does not parse or uses what this
     *     class does not translate
     */
    public VisualizationQuery(SavedObject object) {
        this.object = object;
        this.searchSource = parse(object.attributes().path("kibanaSavedObjectMeta").path("searchSourceJSON"),
                "kibanaSavedObjectMeta.searchSourceJSON");
        switch (object.type()) {
            case "visualization" -> readAggs(parse(object.attributes().path("visState"), "visState"));
            case "search" -> object.attributes().path("columns").forEach((column) -> this.columns.add(column.asText()));
            default -> throw new IllegalArgumentException(where() + ": type [" + object.type() + "] makes no query");
        }
        String query = this.searchSource.path("query").path("query").asText("");
        if (!query.isEmpty()) {
            throw new IllegalArgumentException(where() + ": query bar [" + query + "] is not translated; use filters");
        }
    }

    /**
     * The bucket aggregations, outermost first.
     *
     * @return the bucket aggregations
     */
    public List<Agg> buckets() {
        return List.copyOf(this.buckets);
    }

    /**
     * The metric aggregations, in saved order.
     *
     * @return the metrics
     */
    public List<Agg> metrics() {
        return List.copyOf(this.metrics);
    }

    /**
     * The request body for {@code POST <index>/_search}.
     *
     * @param range the time picker's range
     * @param hits how many documents a saved search fetches (the dashboard's sample size); ignored for
     *     visualizations, which fetch none
     * @return the request body
     */
    public ObjectNode request(TimeRange range, int hits) {
        ObjectNode body = NODES.objectNode();
        body.set("query", query(range));
        if (this.object.type().equals("search")) {
            body.put("size", hits);
            body.putArray("sort").addObject().putObject(Agg.TIME_FIELD).put("order", "desc");
            return body;
        }
        body.put("size", 0);
        ObjectNode level = body;
        for (Agg bucket : this.buckets) {
            ObjectNode aggs = level.putObject("aggs");
            ObjectNode agg = aggs.putObject(bucket.id());
            agg.set(bucket.type(), bucketBody(bucket, range));
            if (bucket.type().equals("geohash_grid") && bucket.params().path("useGeocentroid").asBoolean()) {
                agg.putObject("aggs").putObject("centroid").putObject("geo_centroid")
                        .put("field", bucket.field());
            }
            level = agg;
        }
        List<Agg> sent = this.metrics.stream().filter((metric) -> !metric.type().equals("count")).toList();
        if (!sent.isEmpty()) {
            ObjectNode aggs = level.has("aggs") ? (ObjectNode) level.get("aggs") : level.putObject("aggs");
            for (Agg metric : sent) {
                aggs.putObject(metric.id()).set("top_hits", topHitsBody(metric));
            }
        }
        return body;
    }

    /**
     * Reads the answer into rows: for a visualization, the keys of the nested buckets followed by each
     * metric's value; for a saved search, the column values of each document.
     *
     * @param response the search response
     * @return the rows, in the answer's order
     */
    public List<List<String>> rows(JsonNode response) {
        List<List<String>> rows = new ArrayList<>();
        if (this.object.type().equals("search")) {
            for (JsonNode hit : response.path("hits").path("hits")) {
                List<String> row = new ArrayList<>();
                this.columns.forEach((column) -> row.add(sourceValue(hit.path("_source"), column)));
                rows.add(row);
            }
            return rows;
        }
        collect(response.path("aggregations"), response.path("hits").path("total").path("value").asLong(), 0,
                new ArrayList<>(), rows);
        return rows;
    }

    private void collect(JsonNode level, long docCount, int depth, List<String> keys, List<List<String>> rows) {
        if (depth == this.buckets.size()) {
            List<String> row = new ArrayList<>(keys);
            for (Agg metric : this.metrics) {
                if (metric.type().equals("count")) {
                    row.add(Long.toString(docCount));
                }
                else {
                    JsonNode hits = level.path(metric.id()).path("hits").path("hits");
                    row.add(hits.isEmpty() ? "" : sourceValue(hits.get(0).path("_source"), metric.field()));
                }
            }
            rows.add(row);
            return;
        }
        Agg bucket = this.buckets.get(depth);
        for (JsonNode item : level.path(bucket.id()).path("buckets")) {
            keys.add(item.has("key_as_string") ? item.get("key_as_string").asText() : item.path("key").asText());
            collect(item, item.path("doc_count").asLong(), depth + 1, keys, rows);
            keys.remove(keys.size() - 1);
        }
    }

    private ObjectNode query(TimeRange range) {
        ObjectNode bool = NODES.objectNode();
        ArrayNode filter = bool.putArray("filter");
        filter.addObject().putObject("match_all");
        ArrayNode mustNot = NODES.arrayNode();
        int i = 0;
        for (JsonNode item : this.searchSource.path("filter")) {
            String at = where() + ": filter[" + i++ + "]";
            if (item.path("meta").path("disabled").asBoolean(false)) {
                continue;
            }
            JsonNode query = item.get("query");
            if (query == null || !query.isObject()) {
                throw new IllegalArgumentException(at + " has no [query] object");
            }
            (item.path("meta").path("negate").asBoolean(false) ? mustNot : filter).add(query.deepCopy());
        }
        filter.addObject().putObject("range").putObject(Agg.TIME_FIELD).put("gte", range.from().toString())
                .put("lte", range.to().toString()).put("format", "strict_date_optional_time");
        bool.putArray("must");
        bool.putArray("should");
        bool.set("must_not", mustNot);
        ObjectNode query = NODES.objectNode();
        query.set("bool", bool);
        return query;
    }

    private ObjectNode bucketBody(Agg bucket, TimeRange range) {
        ObjectNode params = bucket.params();
        ObjectNode body = NODES.objectNode();
        body.put("field", bucket.field());
        switch (bucket.type()) {
            case "terms" -> {
                String orderBy = params.path("orderBy").asText();
                String order = params.path("order").asText("desc");
                if (orderBy.equals("_key")) {
                    body.put("size", params.path("size").asInt()).putObject("order").put("_key", order);
                }
                else if (isCount(orderBy)) {
                    body.put("size", params.path("size").asInt()).putObject("order").put("_count", order);
                }
                else {
                    throw new IllegalArgumentException(where() + ": terms [" + bucket.id() + "] ordered by metric ["
                            + orderBy + "] is not translated");
                }
            }
            case "date_histogram" -> {
                String interval = params.path("interval").asText("auto");
                body.put("fixed_interval", interval.equals("auto") ? range.autoInterval() : interval);
                body.put("time_zone", "UTC");
                body.put("min_doc_count", params.path("min_doc_count").asInt(1));
                body.putObject("extended_bounds").put("min", range.from().toEpochMilli())
                        .put("max", range.to().toEpochMilli());
            }
            case "geohash_grid" -> body.put("precision", params.path("precision").asInt());
            default -> throw new IllegalArgumentException(where() + ": bucket aggregation [" + bucket.type()
                    + "] is not translated");
        }
        return body;
    }

    private ObjectNode topHitsBody(Agg metric) {
        if (!metric.type().equals("top_hits")) {
            throw new IllegalArgumentException(where() + ": metric [" + metric.type() + "] is not translated");
        }
        ObjectNode body = NODES.objectNode();
        body.put("size", metric.params().path("size").asInt(1));
        body.putArray("sort").addObject().putObject(metric.params().path("sortField").asText(Agg.TIME_FIELD))
                .put("order", metric.params().path("sortOrder").asText("desc"));
        body.putObject("_source").putArray("includes").add(metric.field());
        return body;
    }

    private boolean isCount(String metricId) {
        return this.metrics.stream().anyMatch((metric) -> metric.id().equals(metricId)
                && metric.type().equals("count"));
    }

    private void readAggs(JsonNode visState) {
        int i = 0;
        for (JsonNode json : visState.path("aggs")) {
            String at = where() + ": visState.aggs[" + i++ + "]";
            if (!json.path("params").isObject()) {
                throw new IllegalArgumentException(at + " has no [params] object");
            }
            if (!json.path("enabled").asBoolean(true)) {
                continue;
            }
            Agg agg = new Agg(json.path("id").asText(), json.path("type").asText(), json.path("schema").asText(),
                    (ObjectNode) json.get("params"));
            (agg.schema().equals("metric") ? this.metrics : this.buckets).add(agg);
        }
        if (this.metrics.isEmpty()) {
            throw new IllegalArgumentException(where() + ": visState has no metric aggregation");
        }
    }

    private JsonNode parse(JsonNode text, String attribute) {
        if (!text.isTextual()) {
            throw new IllegalArgumentException(where() + ": attribute [" + attribute + "] must be a JSON string");
        }
        try {
            return MAPPER.readTree(text.asText());
        }
        catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(where() + ": attribute [" + attribute + "] is not JSON: "
                    + ex.getOriginalMessage(), ex);
        }
    }

    private String where() {
        return this.object.type() + " [" + this.object.id() + "]";
    }

    /**
     * The value of a dotted field in a document source, whether the source nests it or holds the dotted
     * name as one key.
     */
    static String sourceValue(JsonNode source, String field) {
        if (source.has(field)) {
            return source.get(field).asText();
        }
        JsonNode node = source;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

}
