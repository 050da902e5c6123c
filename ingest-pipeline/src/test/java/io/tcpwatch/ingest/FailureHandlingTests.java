package io.tcpwatch.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts the pipeline cannot fully process are indexed with the failure recorded, into Wazuh's daily index, by
 * real indexing on the test node.
 */
class FailureHandlingTests {

    private static final String PIPELINE = "tcpwatch-failure-test";

    private static PipelineRuns runs;

    @BeforeAll
    static void putPipelineAndTemplate() {
        runs = new PipelineRuns(PIPELINE, new AlertsPipelineGenerator(GeoIpFields.defaults()).generate());
        runs.call("PUT", "/_template/" + PIPELINE, new IndexTemplateGenerator().merge(WazuhFiles.template()));
    }

    @AfterEach
    void deleteIndices() {
        runs.deleteIndices();
    }

    @AfterAll
    static void deletePipelineAndTemplate() {
        runs.deletePipeline();
        runs.call("DELETE", "/_template/" + PIPELINE, null);
    }

    @Test
    void alertGoesToWazuhDailyIndexOfItsTimestamp() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(FilebeatEvents.alert(
                "2026-12-04T15:30:00.123+0000")));

        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-2026.12.04");
        assertThat(indexed.source().path("@timestamp").asText()).isEqualTo("2026-12-04T15:30:00.123Z");
        assertThat(indexed.source().has("pipeline_error")).isFalse();
    }

    @Test
    void dailyIndexIsTheUtcDayOfATimestampWithAnotherOffset() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(FilebeatEvents.alert(
                "2026-12-04T23:30:00.000-0200")));

        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-2026.12.05");
        assertThat(indexed.source().path("@timestamp").asText()).isEqualTo("2026-12-05T01:30:00.000Z");
    }

    @Test
    void badTimestampIsReplacedByIngestTimeAndRecorded() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(FilebeatEvents.alert("yesterday noon")));

        JsonNode alert = indexed.source();
        assertThat(indexed.result()).isEqualTo("created");
        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-" + today());
        assertThat(alert.at("/pipeline_error/field").toString()).isEqualTo("[\"timestamp\"]");
        assertThat(alert.at("/pipeline_error/processor").toString()).isEqualTo("[\"date\"]");
        assertThat(alert.at("/pipeline_error/message/0").asText())
                .isEqualTo("Text 'yesterday noon' could not be parsed at index 0");
        assertThat(alert.at("/pipeline_error/timestamp").asText()).isEqualTo("yesterday noon");
        assertThat(alert.path("timestamp").asText()).startsWith(today().replace('.', '-') + "T");
        assertThat(alert.path("@timestamp").asText()).isEqualTo(alert.path("timestamp").asText());
        assertThat(alert.at("/rule/id").asText()).isEqualTo("100200");
    }

    @Test
    void veryLongBadTimestampIsStillIndexed() {
        String timestamp = "x".repeat(10_000);

        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(FilebeatEvents.alert(timestamp)));

        assertThat(indexed.result()).isEqualTo("created");
        assertThat(indexed.source().at("/pipeline_error/timestamp").asText()).isEqualTo(timestamp);
    }

    @Test
    void indexMapsTheIngestTimeFallbackAsDate() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(FilebeatEvents.alert("yesterday noon")));

        JsonNode mapping = runs.call("GET", "/" + indexed.index() + "/_mapping/field/timestamp", null);
        assertThat(mapping.at("/" + indexed.index() + "/mappings/timestamp/mapping/timestamp/type").asText())
                .isEqualTo("date");
    }

    @Test
    void missingTimestampIsReplacedByIngestTimeAndRecorded() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(FilebeatEvents.alert(null)));

        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-" + today());
        assertThat(indexed.source().at("/pipeline_error/message/0").asText())
                .isEqualTo("field [timestamp] not present as part of path [timestamp]");
        assertThat(indexed.source().path("timestamp").asText()).startsWith(today().replace('.', '-') + "T");
    }

    @Test
    void messageThatIsNotJsonIsKeptAndRecorded() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped("TCP Connection: Event: connect PID: 4242"));

        JsonNode alert = indexed.source();
        assertThat(indexed.result()).isEqualTo("created");
        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-" + today());
        assertThat(alert.path("message").asText()).isEqualTo("TCP Connection: Event: connect PID: 4242");
        assertThat(alert.at("/pipeline_error/field").toString()).isEqualTo("[\"message\",\"timestamp\"]");
        assertThat(alert.at("/pipeline_error/processor").toString()).isEqualTo("[\"json\",\"date\"]");
        assertThat(alert.at("/pipeline_error/message/0").asText()).startsWith("Unrecognized token 'TCP'");
    }

    @Test
    void documentWithoutIndexPrefixStillGoesToWazuhIndex() {
        ObjectNode document = FilebeatEvents.shipped(FilebeatEvents.alert(FilebeatEvents.TIMESTAMP));
        document.remove("fields");

        PipelineRuns.Indexed indexed = runs.index(document);

        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-2026.12.04");
    }

    @Test
    void alertCarryingItsOwnPipelineErrorTextKeepsItAside() {
        ObjectNode alert = FilebeatEvents.alert("yesterday noon");
        alert.put("pipeline_error", "set by the sender");

        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(alert));

        assertThat(indexed.result()).isEqualTo("created");
        assertThat(indexed.source().path("pipeline_error_original").asText()).isEqualTo("set by the sender");
        assertThat(indexed.source().at("/pipeline_error/field").toString()).isEqualTo("[\"timestamp\"]");
    }

    @Test
    void alertSentAsJsonBodyWithoutFilebeatIsProcessed() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.connection("outbound", "10.0.0.5", "89.160.20.128"));

        assertThat(indexed.index()).isEqualTo("wazuh-alerts-4.x-2026.12.04");
        assertThat(indexed.source().at("/GeoLocationDst/country_name").asText()).isEqualTo("Sweden");
        assertThat(indexed.source().has("pipeline_error")).isFalse();
    }

    @Test
    void seedPipelineDropsMessageThatIsNotJson() {
        PipelineRuns seed = new PipelineRuns("tcpwatch-seed-test", SeedPipeline.definition());

        PipelineRuns.Indexed indexed = seed.index(FilebeatEvents.shipped("TCP Connection: Event: connect PID: 4242"));

        assertThat(indexed.result()).isEqualTo("noop");
        assertThat(indexed.source()).isNull();
        seed.deletePipeline();
    }

    @Test
    void seedPipelineDropsAlertWithBadTimestamp() {
        PipelineRuns seed = new PipelineRuns("tcpwatch-seed-test", SeedPipeline.definition());

        PipelineRuns.Indexed indexed = seed.index(FilebeatEvents.shipped(FilebeatEvents.alert("yesterday noon")));

        assertThat(indexed.result()).isEqualTo("noop");
        seed.deletePipeline();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
    }

}
