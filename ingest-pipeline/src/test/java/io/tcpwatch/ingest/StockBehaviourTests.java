package io.tcpwatch.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Wazuh's stock alerts pipeline does still holds in the generated one. Every case runs on both, so a case
 * that passes on the stock pipeline and fails on ours is a lost stock behaviour.
 */
class StockBehaviourTests {

    private static final Map<String, PipelineRuns> PIPELINES = new LinkedHashMap<>();

    @BeforeAll
    static void putPipelines() {
        PIPELINES.put("stock", new PipelineRuns("tcpwatch-stock-test", WazuhFiles.pipeline()));
        PIPELINES.put("tcpwatch", new PipelineRuns("tcpwatch-generated-test",
                new AlertsPipelineGenerator(GeoIpFields.defaults()).generate()));
    }

    @AfterAll
    static void deleteAll() {
        PIPELINES.values().iterator().next().deleteIndices();
        PIPELINES.values().forEach(PipelineRuns::deletePipeline);
    }

    static Stream<String> pipelines() {
        return Stream.of("stock", "tcpwatch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void jsonMessageIsAddedToTheRoot(String pipeline) {
        JsonNode alert = simulate(pipeline, FilebeatEvents.connection("outbound", "10.0.0.5", "10.0.0.6"));

        assertThat(alert.at("/rule/id").asText()).isEqualTo("100200");
        assertThat(alert.at("/agent/name").asText()).isEqualTo("web-1");
        assertThat(alert.at("/data/process/name").asText()).isEqualTo("curl");
        assertThat(alert.path("location").asText()).isEqualTo("tcpwatch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void awsRegionAndAccountAreCopied(String pipeline) {
        ObjectNode event = FilebeatEvents.alert(FilebeatEvents.TIMESTAMP);
        event.putObject("data").putObject("aws").put("awsRegion", "eu-west-1").put("aws_account_id", "123456789012");

        JsonNode alert = simulate(pipeline, event);

        assertThat(alert.at("/data/aws/region").asText()).isEqualTo("eu-west-1");
        assertThat(alert.at("/data/aws/accountId").asText()).isEqualTo("123456789012");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void awsRegionAlreadySetIsNotOverridden(String pipeline) {
        ObjectNode event = FilebeatEvents.alert(FilebeatEvents.TIMESTAMP);
        event.putObject("data").putObject("aws").put("awsRegion", "eu-west-1").put("region", "us-east-2");

        JsonNode alert = simulate(pipeline, event);

        assertThat(alert.at("/data/aws/region").asText()).isEqualTo("us-east-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void awsFieldsAreNotInventedWhenAbsent(String pipeline) {
        JsonNode alert = simulate(pipeline, FilebeatEvents.connection("outbound", "10.0.0.5", "10.0.0.6"));

        assertThat(alert.at("/data/aws").isMissingNode()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("stockGeoIpFields")
    void stockGeoIpFieldGetsItsCountryIntoGeoLocation(String pipeline, String field) {
        ObjectNode event = FilebeatEvents.alert(FilebeatEvents.TIMESTAMP);
        ObjectNode parent = event;
        String[] keys = field.split("\\.");
        for (int i = 0; i < keys.length - 1; i++) {
            parent = parent.has(keys[i]) ? (ObjectNode) parent.get(keys[i]) : parent.putObject(keys[i]);
        }
        parent.put(keys[keys.length - 1], "81.2.69.142");

        JsonNode alert = simulate(pipeline, event);

        assertThat(alert.at("/GeoLocation/country_name").asText()).isEqualTo("United Kingdom");
        assertThat(alert.at("/GeoLocation/city_name").asText()).isEqualTo("Abingdon");
        assertThat(alert.at("/GeoLocation/region_name").asText()).isEqualTo("Oxfordshire");
        assertThat(alert.at("/GeoLocation/location/lat").asDouble()).isEqualTo(51.7095);
    }

    static Stream<Arguments> stockGeoIpFields() {
        return pipelines().flatMap(pipeline -> GeoIpFields.STOCK_SOURCE_FIELDS.stream()
                .map(field -> Arguments.of(pipeline, field)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void timestampIsCopiedToAtTimestampInUtc(String pipeline) {
        JsonNode alert = simulate(pipeline, FilebeatEvents.alert("2026-12-04T17:30:00.123+0200"));

        assertThat(alert.path("@timestamp").asText()).isEqualTo("2026-12-04T15:30:00.123Z");
        assertThat(alert.path("timestamp").asText()).isEqualTo("2026-12-04T17:30:00.123+0200");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void alertIsIndexedIntoTheDailyIndexOfItsPrefix(String pipeline) {
        PipelineRuns.Indexed indexed = PIPELINES.get(pipeline).index(FilebeatEvents.shipped(
                FilebeatEvents.alert(FilebeatEvents.TIMESTAMP)));

        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-2026.12.04");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("removedFields")
    void filebeatFieldIsRemoved(String pipeline, String field) {
        ObjectNode shipped = FilebeatEvents.shipped(FilebeatEvents.alert(FilebeatEvents.TIMESTAMP));
        shipped.put("beat", "x").put("input_type", "log").put("tags", "beats_input").put("count", 1)
                .put("@version", "1").put("offset", 1).put("type", "log");
        shipped.remove("agent");

        JsonNode alert = PIPELINES.get(pipeline).simulate(shipped);

        assertThat(shipped.has(field)).isTrue();
        assertThat(alert.has(field)).isFalse();
    }

    static Stream<Arguments> removedFields() {
        return pipelines().flatMap(pipeline -> Stream.of("message", "ecs", "beat", "input_type", "tags", "count",
                "@version", "log", "offset", "type", "host", "fields", "event", "fileset", "service")
                .map(field -> Arguments.of(pipeline, field)));
    }

    private static JsonNode simulate(String pipeline, ObjectNode alert) {
        return PIPELINES.get(pipeline).simulate(FilebeatEvents.shipped(alert));
    }

}
