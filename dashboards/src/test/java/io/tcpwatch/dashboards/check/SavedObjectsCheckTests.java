package io.tcpwatch.dashboards.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.dashboards.objects.Agg;
import io.tcpwatch.dashboards.objects.Filter;
import io.tcpwatch.dashboards.objects.Reference;
import io.tcpwatch.dashboards.objects.SavedObject;
import io.tcpwatch.dashboards.objects.SearchSource;
import io.tcpwatch.dashboards.objects.VisParams;
import io.tcpwatch.dashboards.objects.Visualization;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SavedObjectsCheckTests {

    private static final String PATTERN = "wazuh-alerts-*";

    private final IndexFields fields = IndexFields.fromTemplate(template(), "test-template");

    private final SavedObjectsCheck check = new SavedObjectsCheck(Set.of(PATTERN), this.fields);

    @Test
    void wellFormedVisualizationHasNoProblem() {
        List<String> problems = this.check.problems(List.of(table("v1", "data.event", "dstport").toSavedObject()));

        assertThat(problems).isEmpty();
    }

    @Test
    void duplicateIdIsReported() {
        SavedObject object = table("v1", "data.event", "dstport").toSavedObject();

        assertThat(this.check.problems(List.of(object, object)))
                .containsExactly("visualization [v1]: id is used by more than one object");
    }

    @Test
    void referenceToAnUnknownIndexPatternIsReported() {
        SavedObject object = table("v1", "data.event", "dstport").toSavedObject();
        SavedObject moved = new SavedObject(object.type(), object.id(), object.attributes(),
                List.of(new Reference(SearchSource.INDEX_REF_NAME, Reference.INDEX_PATTERN, "other-*"),
                        object.references().get(1)), object.migrationVersion());

        assertThat(this.check.problems(List.of(moved))).containsExactly("visualization [v1]: reference "
                + "[kibanaSavedObjectMeta.searchSourceJSON.index] points at index-pattern [other-*], which is neither "
                + "in the file nor the alerts index pattern");
    }

    @Test
    void referenceNameTheJsonDoesNotUseIsReported() {
        SavedObject object = table("v1", "data.event", "dstport").toSavedObject();
        List<Reference> references = new ArrayList<>(object.references());
        references.add(new Reference("panel_9", Reference.INDEX_PATTERN, PATTERN));
        SavedObject extra = new SavedObject(object.type(), object.id(), object.attributes(), references,
                object.migrationVersion());

        assertThat(this.check.problems(List.of(extra)))
                .containsExactly("visualization [v1]: declares reference [panel_9] that nothing uses");
    }

    @Test
    void embeddedJsonThatDoesNotParseIsReported() {
        SavedObject object = table("v1", "data.event", "dstport").toSavedObject();
        ObjectNode attributes = object.attributes().deepCopy();
        attributes.put("visState", "{\"aggs\":[");
        SavedObject broken = new SavedObject(object.type(), object.id(), attributes, object.references(),
                object.migrationVersion());

        assertThat(this.check.problems(List.of(broken))).hasSize(1).first().asString()
                .startsWith("visualization [v1]: attribute [visState] is not JSON: ");
    }

    @Test
    void termsOnAGeoPointIsReported() {
        SavedObject object = table("v1", "GeoLocation.location", "dstport").toSavedObject();

        assertThat(this.check.problems(List.of(object))).containsExactly("visualization [v1]: aggregation [2] terms "
                + "on [GeoLocation.location]: the field is geo_point, the aggregation needs one of [boolean, byte, "
                + "double, float, integer, ip, keyword, long, short]");
    }

    @Test
    void mapOnAKeywordIsReported() {
        Visualization map = new Visualization("m1", "m1", "", "tile_map", VisParams.coordinateMap(),
                List.of(Agg.count("1"), Agg.geohashGrid("2", "GeoLocation.city_name", 2)),
                SearchSource.onIndex(PATTERN, List.of()));

        assertThat(this.check.problems(List.of(map.toSavedObject()))).containsExactly("visualization [m1]: "
                + "aggregation [2] geohash_grid on [GeoLocation.city_name]: the field is keyword, the aggregation "
                + "needs one of [geo_point]");
    }

    @Test
    void fieldOutsideDataThatTheTemplateLacksIsReported() {
        SavedObject object = table("v1", "agent.nickname", "dstport").toSavedObject();

        assertThat(this.check.problems(List.of(object))).containsExactly("visualization [v1]: aggregation [2] terms "
                + "on [agent.nickname]: the field is not in the index template");
    }

    @Test
    void unmappedDataFieldTakesTheDynamicStringType() {
        assertThat(this.fields.typeOf("data.process.exe")).contains("keyword");
    }

    @Test
    void misspelledDataFieldIsReported() {
        SavedObject object = table("v1", "data.proces.name", "dstport").toSavedObject();

        assertThat(this.check.problems(List.of(object))).containsExactly("visualization [v1]: aggregation [2] terms "
                + "on [data.proces.name]: the field is not in the index template");
    }

    @Test
    void dataObjectIsNotAField() {
        assertThat(this.fields.typeOf("data.process")).isEmpty();
    }

    @Test
    void filterOnAFieldTheTemplateLacksIsReported() {
        Visualization vis = new Visualization("v2", "v2", "", "table", VisParams.table(10), List.of(Agg.count("1")),
                SearchSource.onIndex(PATTERN, List.of(Filter.phrase("rule.nickname", "x"))));

        assertThat(this.check.problems(List.of(vis.toSavedObject())))
                .containsExactly("visualization [v2]: filter field [rule.nickname] is not in the index template");
    }

    private static Visualization table(String id, String first, String second) {
        return new Visualization(id, id, "", "table", VisParams.table(10),
                List.of(Agg.count("1"), Agg.terms("2", "bucket", first, 5, "1", "A"),
                        Agg.terms("3", "bucket", "data." + second, 5, "1", "B")),
                SearchSource.onIndex(PATTERN, List.of(Filter.phrase("data.integration", "tcpwatch"))));
    }

    private static ObjectNode template() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode template = mapper.createObjectNode();
        ObjectNode mappings = template.putObject("mappings");
        mappings.putArray("dynamic_templates").addObject().putObject("string_as_keyword")
                .put("match_mapping_type", "string").putObject("mapping").put("type", "keyword");
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject("timestamp").put("type", "date");
        properties.putObject("agent").putObject("properties").putObject("name").put("type", "keyword");
        properties.putObject("rule").putObject("properties").putObject("level").put("type", "long");
        ObjectNode geo = properties.putObject("GeoLocation").putObject("properties");
        geo.putObject("location").put("type", "geo_point");
        geo.putObject("city_name").put("type", "keyword");
        ObjectNode data = properties.putObject("data").putObject("properties");
        data.putObject("dstport").put("type", "keyword");
        data.putObject("process").putObject("properties").putObject("name").put("type", "keyword");
        return template;
    }

    @Test
    void explicitMappingsCanBeAdded() {
        IndexFields extended = this.fields.with(Map.of("GeoLocationDst.location", "geo_point"));

        assertThat(extended.typeOf("GeoLocationDst.location")).contains("geo_point");
    }

}
