package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code kibanaSavedObjectMeta.searchSourceJSON} of a saved object: the index pattern, the query bar
 * and the filters. The index pattern and each filter's pattern are written as references
 * ({@code indexRefName}), never as inline ids, as OpenSearch Dashboards 2.x expects.
 */
public final class SearchSource {

    /** The reference name of the search source's own index pattern. */
    public static final String INDEX_REF_NAME = "kibanaSavedObjectMeta.searchSourceJSON.index";

    private final String indexPatternId;

    private final List<Filter> filters;

    private final boolean withIndex;

    private SearchSource(String indexPatternId, List<Filter> filters, boolean withIndex) {
        this.indexPatternId = indexPatternId;
        this.filters = List.copyOf(filters);
        this.withIndex = withIndex;
    }

    /**
     * A search source on an index pattern, as visualizations and saved searches have.
     *
     * @param indexPatternId the index pattern's id
     * @param filters the filters
     * @return the search source
     */
    public static SearchSource onIndex(String indexPatternId, List<Filter> filters) {
        return new SearchSource(indexPatternId, filters, true);
    }

    /**
     * A search source without an index of its own, as a dashboard has; its filters still name the pattern.
     *
     * @param indexPatternId the index pattern the filters' fields belong to
     * @param filters the filters
     * @return the search source
     */
    public static SearchSource filtersOnly(String indexPatternId, List<Filter> filters) {
        return new SearchSource(indexPatternId, filters, false);
    }

    /**
     * The filters.
     *
     * @return the filters, in order
     */
    public List<Filter> filters() {
        return this.filters;
    }

    /**
     * The saved form; callers serialize it into the {@code searchSourceJSON} string.
     *
     * @param extra extra top-level keys a saved search adds ({@code highlightAll}, {@code version}), may be empty
     * @return the JSON object
     */
    public ObjectNode toJson(ObjectNode extra) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.setAll(extra);
        json.putObject("query").put("query", "").put("language", "kuery");
        ArrayNode filterArray = json.putArray("filter");
        for (int i = 0; i < this.filters.size(); i++) {
            filterArray.add(this.filters.get(i).toJson(filterRefName(i)));
        }
        if (this.withIndex) {
            json.put("indexRefName", INDEX_REF_NAME);
        }
        return json;
    }

    /**
     * The references the saved form uses.
     *
     * @return the index pattern reference (when the source has an index) and one per filter
     */
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        if (this.withIndex) {
            references.add(new Reference(INDEX_REF_NAME, Reference.INDEX_PATTERN, this.indexPatternId));
        }
        for (int i = 0; i < this.filters.size(); i++) {
            references.add(new Reference(filterRefName(i), Reference.INDEX_PATTERN, this.indexPatternId));
        }
        return references;
    }

    private static String filterRefName(int index) {
        return "kibanaSavedObjectMeta.searchSourceJSON.filter[" + index + "].meta.index";
    }

}
