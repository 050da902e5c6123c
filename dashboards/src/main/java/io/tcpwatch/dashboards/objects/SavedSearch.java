package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A saved search of Discover: filters, the columns shown and the sort, newest first.
 *
 * @param id the saved-object id
 * @param title the title
 * @param description what the search finds
 * @param columns the document fields shown as columns
 * @param source the index pattern and filters
 */
public record SavedSearch(String id, String title, String description, List<String> columns, SearchSource source) {

    /** The last saved-search migration of OpenSearch Dashboards 2.x. */
    public static final String MIGRATION_VERSION = "7.9.3";

    public SavedSearch {
        Objects.requireNonNull(id, "'id' must not be null");
        columns = List.copyOf(columns);
    }

    /**
     * The saved object.
     *
     * @return the saved object
     */
    public SavedObject toSavedObject() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode attributes = nodes.objectNode();
        attributes.put("title", this.title);
        attributes.put("description", this.description);
        attributes.put("hits", 0);
        ArrayNode columnArray = attributes.putArray("columns");
        this.columns.forEach(columnArray::add);
        ArrayNode sort = attributes.putArray("sort").addArray();
        sort.add(Agg.TIME_FIELD);
        sort.add("desc");
        attributes.put("version", 1);
        ObjectNode extra = nodes.objectNode().put("highlightAll", true).put("version", true);
        attributes.putObject("kibanaSavedObjectMeta")
                .put("searchSourceJSON", this.source.toJson(extra).toString());
        return new SavedObject("search", this.id, attributes, this.source.references(),
                Map.of("search", MIGRATION_VERSION));
    }

}
