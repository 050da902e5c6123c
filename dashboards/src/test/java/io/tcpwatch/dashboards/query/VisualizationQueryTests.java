package io.tcpwatch.dashboards.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.dashboards.objects.Agg;
import io.tcpwatch.dashboards.objects.Filter;
import io.tcpwatch.dashboards.objects.SavedObject;
import io.tcpwatch.dashboards.objects.SavedSearch;
import io.tcpwatch.dashboards.objects.SearchSource;
import io.tcpwatch.dashboards.objects.VisParams;
import io.tcpwatch.dashboards.objects.Visualization;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VisualizationQueryTests {

    private static final TimeRange HOUR = new TimeRange(Instant.parse("2026-12-04T10:00:00Z"),
            Instant.parse("2026-12-04T11:00:00Z"));

    @Test
    void termsTableBecomesNestedTermsOrderedByCountInsideTheFiltersAndTimeRange() {
        Visualization vis = new Visualization("v", "v", "", "table", VisParams.table(10),
                List.of(Agg.count("1"), Agg.terms("2", "bucket", "data.dstip", 10, "1", "Destination"),
                        Agg.terms("3", "bucket", "data.dstport", 5, "1", "Port")),
                SearchSource.onIndex("wazuh-alerts-*", List.of(Filter.phrase("data.event", "connect"))));

        ObjectNode request = new VisualizationQuery(vis.toSavedObject()).request(HOUR, 0);

        assertThat(request.toString()).isEqualTo("{\"query\":{\"bool\":{\"filter\":[{\"match_all\":{}},"
                + "{\"match_phrase\":{\"data.event\":\"connect\"}},{\"range\":{\"timestamp\":{\"gte\":"
                + "\"2026-12-04T10:00:00Z\",\"lte\":\"2026-12-04T11:00:00Z\","
                + "\"format\":\"strict_date_optional_time\"}}}],"
                + "\"must\":[],\"should\":[],\"must_not\":[]}},\"size\":0,\"aggs\":{\"2\":{\"terms\":{\"field\":"
                + "\"data.dstip\",\"size\":10,\"order\":{\"_count\":\"desc\"}},\"aggs\":{\"3\":{\"terms\":{\"field\":"
                + "\"data.dstport\",\"size\":5,\"order\":{\"_count\":\"desc\"}}}}}}}");
    }

    @Test
    void phrasesFilterMatchesAnyOfItsValues() {
        Visualization vis = new Visualization("v", "v", "", "table", VisParams.table(10), List.of(Agg.count("1")),
                SearchSource.onIndex("wazuh-alerts-*", List.of(Filter.phrases("data.event", "connect", "accept"))));

        ObjectNode request = new VisualizationQuery(vis.toSavedObject()).request(HOUR, 0);

        assertThat(request.path("query").path("bool").path("filter").get(1).toString()).isEqualTo("{\"bool\":"
                + "{\"should\":[{\"match_phrase\":{\"data.event\":\"connect\"}},{\"match_phrase\":{\"data.event\":"
                + "\"accept\"}}],\"minimum_should_match\":1}}");
    }

    @Test
    void autoDateHistogramOverAnHourUsesFiveMinutes() {
        Visualization vis = new Visualization("v", "v", "", "histogram", VisParams.verticalBars("E", "stacked"),
                List.of(Agg.count("1"), Agg.dateHistogram("2", "segment")), SearchSource.onIndex("p", List.of()));

        ObjectNode request = new VisualizationQuery(vis.toSavedObject()).request(HOUR, 0);

        assertThat(request.path("aggs").path("2").path("date_histogram").toString()).isEqualTo("{\"field\":"
                + "\"timestamp\",\"fixed_interval\":\"5m\",\"time_zone\":\"UTC\",\"min_doc_count\":1,"
                + "\"extended_bounds\":{\"min\":1796378400000,\"max\":1796382000000}}");
    }

    @Test
    void latestValueBecomesTopHitsOfTheNewestDocument() {
        Visualization vis = new Visualization("v", "v", "", "table", VisParams.table(10),
                List.of(Agg.count("1"), Agg.latestValue("2", "data.tracer.events_lost", "Lost"),
                        Agg.terms("3", "bucket", "agent.name", 5, "1", "Agent")),
                SearchSource.onIndex("p", List.of()));

        ObjectNode request = new VisualizationQuery(vis.toSavedObject()).request(HOUR, 0);

        assertThat(request.path("aggs").path("3").path("aggs").toString()).isEqualTo("{\"2\":{\"top_hits\":"
                + "{\"size\":1,\"sort\":[{\"timestamp\":{\"order\":\"desc\"}}],\"_source\":{\"includes\":"
                + "[\"data.tracer.events_lost\"]}}}}");
    }

    @Test
    void savedSearchFetchesNewestFirst() {
        SavedObject search = new SavedSearch("s", "s", "", List.of("data.event"),
                SearchSource.onIndex("p", List.of())).toSavedObject();

        ObjectNode request = new VisualizationQuery(search).request(HOUR, 25);

        assertThat(request.path("size").asInt()).isEqualTo(25);
        assertThat(request.path("sort").toString()).isEqualTo("[{\"timestamp\":{\"order\":\"desc\"}}]");
    }

    @Test
    void queryBarTextIsRejectedNamingTheObject() throws Exception {
        SavedObject vis = withSearchSource("{\"query\":{\"query\":\"data.event:connect\",\"language\":\"kuery\"},"
                + "\"filter\":[]}");

        assertThatIllegalArgumentException().isThrownBy(() -> new VisualizationQuery(vis))
                .withMessage("visualization [v]: query bar [data.event:connect] is not translated; use filters");
    }

    @Test
    void searchSourceThatIsNotJsonIsRejectedNamingTheAttribute() throws Exception {
        SavedObject vis = withSearchSource("{\"query\":");

        assertThatIllegalArgumentException().isThrownBy(() -> new VisualizationQuery(vis))
                .withMessageStartingWith("visualization [v]: attribute [kibanaSavedObjectMeta.searchSourceJSON] is "
                        + "not JSON: ");
    }

    @Test
    void unknownBucketAggregationIsRejectedNamingIt() {
        ObjectNode params = new ObjectMapper().createObjectNode().put("field", "data.dstport");
        Visualization vis = new Visualization("v", "v", "", "table", VisParams.table(10),
                List.of(Agg.count("1"), new Agg("2", "significant_terms", "bucket", params)),
                SearchSource.onIndex("p", List.of()));
        VisualizationQuery query = new VisualizationQuery(vis.toSavedObject());

        assertThatIllegalArgumentException().isThrownBy(() -> query.request(HOUR, 0))
                .withMessage("visualization [v]: bucket aggregation [significant_terms] is not translated");
    }

    @Test
    void rowsFlattenNestedBucketsWithTheirCounts() throws Exception {
        Visualization vis = new Visualization("v", "v", "", "table", VisParams.table(10),
                List.of(Agg.count("1"), Agg.terms("2", "bucket", "a", 10, "1", "A"),
                        Agg.terms("3", "bucket", "b", 5, "1", "B")),
                SearchSource.onIndex("p", List.of()));
        String response = "{\"hits\":{\"total\":{\"value\":3}},\"aggregations\":{\"2\":{\"buckets\":[{\"key\":\"x\","
                + "\"doc_count\":3,\"3\":{\"buckets\":[{\"key\":\"p\",\"doc_count\":2},{\"key\":1,"
                + "\"doc_count\":1}]}}]}}}";

        VisualizationQuery query = new VisualizationQuery(vis.toSavedObject());

        List<List<String>> rows = query.rows(new ObjectMapper().readTree(response));

        assertThat(rows).containsExactly(List.of("x", "p", "2"), List.of("x", "1", "1"));
    }

    private static SavedObject withSearchSource(String json) {
        SavedObject vis = new Visualization("v", "v", "", "table", VisParams.table(10), List.of(Agg.count("1")),
                SearchSource.onIndex("p", List.of())).toSavedObject();
        ObjectNode attributes = vis.attributes().deepCopy();
        ((ObjectNode) attributes.get("kibanaSavedObjectMeta")).put("searchSourceJSON", json);
        return new SavedObject(vis.type(), vis.id(), attributes, vis.references(), vis.migrationVersion());
    }

}
