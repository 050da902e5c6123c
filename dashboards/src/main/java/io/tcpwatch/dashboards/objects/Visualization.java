package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A visualization: a chart type, its aggregations and the filters of its own search source.
 *
 * @param id the saved-object id
 * @param title the title shown on the panel
 * @param description what the visualization shows
 * @param type the visualization type ({@code histogram}, {@code table}, {@code pie}, {@code tile_map})
 * @param params the type's parameters, see {@link VisParams}
 * @param aggs the aggregations, metrics first
 * @param source the index pattern and filters
 */
public record Visualization(String id, String title, String description, String type, ObjectNode params,
        List<Agg> aggs, SearchSource source) {

    /** The last visualization migration of OpenSearch Dashboards 2.x. */
    public static final String MIGRATION_VERSION = "7.10.0";

    public Visualization {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(title, "'title' must not be null");
        aggs = List.copyOf(aggs);
    }

    /**
     * The saved object, with {@code visState} and {@code searchSourceJSON} as JSON strings.
     *
     * @return the saved object
     */
    public SavedObject toSavedObject() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode visState = nodes.objectNode();
        visState.put("title", this.title);
        visState.put("type", this.type);
        visState.set("params", this.params.deepCopy());
        ArrayNode aggArray = visState.putArray("aggs");
        this.aggs.forEach((agg) -> aggArray.add(agg.toJson()));
        ObjectNode attributes = nodes.objectNode();
        attributes.put("title", this.title);
        attributes.put("visState", visState.toString());
        attributes.put("uiStateJSON", "{}");
        attributes.put("description", this.description);
        attributes.put("version", 1);
        attributes.putObject("kibanaSavedObjectMeta")
                .put("searchSourceJSON", this.source.toJson(nodes.objectNode()).toString());
        return new SavedObject("visualization", this.id, attributes, this.source.references(),
                Map.of("visualization", MIGRATION_VERSION));
    }

}
