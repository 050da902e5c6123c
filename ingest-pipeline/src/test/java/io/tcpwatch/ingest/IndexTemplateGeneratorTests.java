package io.tcpwatch.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IndexTemplateGeneratorTests {

    private final IndexTemplateGenerator generator = new IndexTemplateGenerator();

    @Test
    void everyValueOfTheStockTemplateSurvivesTheMerge() {
        JsonNode stock = WazuhFiles.template();

        JsonNode merged = this.generator.merge(stock);

        List<String> leaves = new ArrayList<>();
        collectLeaves(stock, "", leaves);
        assertThat(leaves).hasSize(630);
        for (String leaf : leaves) {
            assertThat(merged.at(leaf)).as(leaf).isEqualTo(stock.at(leaf));
        }
    }

    @Test
    void stockAddressFieldsStayKeyword() {
        JsonNode merged = this.generator.merge(WazuhFiles.template());

        assertThat(merged.at("/mappings/properties/data/properties/srcip/type").asText()).isEqualTo("keyword");
        assertThat(merged.at("/mappings/properties/data/properties/dstip/type").asText()).isEqualTo("keyword");
        assertThat(merged.at("/mappings/properties/GeoLocation/properties/ip/type").asText()).isEqualTo("keyword");
    }

    @Test
    void destinationLocationIsGeoPoint() {
        JsonNode merged = this.generator.merge(WazuhFiles.template());

        JsonNode destination = merged.at("/mappings/properties/GeoLocationDst/properties");
        assertThat(destination.at("/location/type").asText()).isEqualTo("geo_point");
        assertThat(destination.at("/country_name/type").asText()).isEqualTo("keyword");
        assertThat(destination.at("/ip/type").asText()).isEqualTo("ip");
        assertThat(destination.at("/asn/type").asText()).isEqualTo("long");
        assertThat(destination.at("/as_org/type").asText()).isEqualTo("keyword");
        assertThat(destination.at("/scope/type").asText()).isEqualTo("keyword");
    }

    @Test
    void sourceLocationGainsAsnAndScope() {
        JsonNode merged = this.generator.merge(WazuhFiles.template());

        JsonNode source = merged.at("/mappings/properties/GeoLocation/properties");
        assertThat(source.at("/asn/type").asText()).isEqualTo("long");
        assertThat(source.at("/as_org/type").asText()).isEqualTo("keyword");
        assertThat(source.at("/scope/type").asText()).isEqualTo("keyword");
        assertThat(source.at("/location/type").asText()).isEqualTo("geo_point");
    }

    @Test
    void pipelineErrorFieldsAreKeyword() {
        JsonNode merged = this.generator.merge(WazuhFiles.template());

        assertThat(merged.at("/mappings/properties/pipeline_error/properties/field/type").asText())
                .isEqualTo("keyword");
        assertThat(merged.at("/mappings/properties/pipeline_error/properties/message/type").asText())
                .isEqualTo("keyword");
    }

    @Test
    void mergingTwiceChangesNothing() {
        JsonNode once = this.generator.merge(WazuhFiles.template());

        assertThat(this.generator.merge(once)).isEqualTo(once);
    }

    @Test
    void mergeLeavesItsArgumentUnchanged() {
        JsonNode stock = WazuhFiles.template();
        JsonNode copy = stock.deepCopy();

        this.generator.merge(stock);

        assertThat(stock).isEqualTo(copy);
    }

    @Test
    void fieldMappedWithAnotherTypeIsRejected() {
        ObjectNode template = (ObjectNode) WazuhFiles.template().deepCopy();
        ((ObjectNode) template.at("/mappings/properties")).putObject("GeoLocationDst").putObject("properties")
                .putObject("location").put("type", "keyword");

        assertThatIllegalArgumentException().isThrownBy(() -> this.generator.merge(template))
                .withMessage("index template maps [mappings.properties.GeoLocationDst.properties.location] as "
                        + "{\"type\":\"keyword\"} but the pipeline writes it as {\"type\":\"geo_point\"}");
    }

    @Test
    void templateWithoutPropertiesIsRejected() {
        ObjectNode template = JsonFiles.mapper().createObjectNode();
        template.putObject("mappings");

        assertThatIllegalArgumentException().isThrownBy(() -> this.generator.merge(template))
                .withMessage("index template has no object at [mappings.properties]");
    }

    private static void collectLeaves(JsonNode node, String pointer, List<String> leaves) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectLeaves(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                        leaves);
            }
        }
        else {
            leaves.add(pointer);
        }
    }

}
