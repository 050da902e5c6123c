package io.tcpwatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tcpwatch.ingest.PipelineInstaller.Change;
import io.tcpwatch.ingest.PipelineInstaller.Change.Action;
import io.tcpwatch.testnode.OpenSearchTestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.ResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The installer against the real test node: the pipeline under Filebeat's id, the mappings merged into the
 * {@code wazuh} template, and a second run that changes nothing.
 */
class PipelineInstallerTests {

    private static final String PIPELINE_ID = "filebeat-7.10.2-wazuh-alerts-pipeline";

    private final OpenSearchTestNode node = OpenSearchTestNode.shared();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private final PipelineInstaller installer = new PipelineInstaller(GeoIpFields.defaults(),
            new PrintStream(this.printed, true, StandardCharsets.UTF_8));

    private IndexerClient indexer;

    @BeforeEach
    void connect() throws IOException {
        deleteInstalled();
        this.indexer = new IndexerClient(new IndexerConnection(URI.create(this.node.httpUrl()), null, false, null,
                null));
    }

    @AfterEach
    void cleanUp() throws IOException {
        this.indexer.close();
        deleteInstalled();
        this.node.deleteIndices("wazuh-alerts-4.x-*,filebeat-7.10.2-incoming");
    }

    @Test
    void pipelineIdIsTheOneFilebeatGivesTheWazuhAlertsFileset() {
        assertThat(PipelineInstaller.pipelineId("7.10.2")).isEqualTo(PIPELINE_ID);
    }

    @Test
    void firstInstallCreatesPipelineAndTemplate() throws IOException {
        List<Change> changes = this.installer.install(this.indexer, PIPELINE_ID, false);

        assertThat(changes).containsExactly(new Change("pipeline " + PIPELINE_ID, Action.CREATED),
                new Change("index template wazuh", Action.CREATED));
        assertThat(this.node.json("GET", "/_ingest/pipeline/" + PIPELINE_ID, null).path(PIPELINE_ID))
                .isEqualTo(new AlertsPipelineGenerator(GeoIpFields.defaults()).generate());
        assertThat(template().at("/mappings/properties/GeoLocationDst/properties/location/type").asText())
                .isEqualTo("geo_point");
    }

    @Test
    void secondInstallChangesNothing() throws IOException {
        this.installer.install(this.indexer, PIPELINE_ID, false);
        JsonNode templateBefore = template();

        List<Change> changes = this.installer.install(this.indexer, PIPELINE_ID, false);

        assertThat(changes).containsExactly(new Change("pipeline " + PIPELINE_ID, Action.UNCHANGED),
                new Change("index template wazuh", Action.UNCHANGED));
        assertThat(template()).isEqualTo(templateBefore);
    }

    @Test
    void installMergesIntoTheStockTemplateKeepingItsMappings() throws IOException {
        this.node.json("PUT", "/_template/wazuh", JsonFiles.compact(WazuhFiles.template()));
        JsonNode stock = template();

        List<Change> changes = this.installer.install(this.indexer, PIPELINE_ID, false);

        JsonNode merged = template();
        assertThat(changes).contains(new Change("index template wazuh", Action.UPDATED));
        assertThat(merged.at("/mappings/properties/data")).isEqualTo(stock.at("/mappings/properties/data"));
        assertThat(merged.path("settings")).isEqualTo(stock.path("settings"));
        assertThat(merged.at("/mappings/properties/GeoLocation/properties/city_name/type").asText())
                .isEqualTo("keyword");
        assertThat(merged.at("/mappings/properties/GeoLocation/properties/scope/type").asText()).isEqualTo("keyword");
    }

    @Test
    void installReplacesAnOutdatedPipeline() throws IOException {
        this.node.json("PUT", "/_ingest/pipeline/" + PIPELINE_ID, JsonFiles.compact(WazuhFiles.pipeline()));

        List<Change> changes = this.installer.install(this.indexer, PIPELINE_ID, false);

        assertThat(changes).contains(new Change("pipeline " + PIPELINE_ID, Action.UPDATED));
    }

    @Test
    void dryRunPrintsTheCallsAndSendsNothing() {
        List<Change> changes = this.installer.install(this.indexer, PIPELINE_ID, true);

        assertThat(changes).containsExactly(new Change("pipeline " + PIPELINE_ID, Action.WOULD_CREATE),
                new Change("index template wazuh", Action.WOULD_CREATE));
        assertThat(this.printed.toString(StandardCharsets.UTF_8))
                .contains("would send PUT " + this.node.httpUrl() + "/_ingest/pipeline/" + PIPELINE_ID + ":\n{")
                .contains("would send PUT " + this.node.httpUrl() + "/_template/wazuh:\n{");
        assertThatExceptionOfType(ResponseException.class)
                .isThrownBy(() -> this.node.json("GET", "/_ingest/pipeline/" + PIPELINE_ID, null))
                .satisfies(ex -> assertThat(ex.getResponse().getStatusLine().getStatusCode()).isEqualTo(404));
    }

    @Test
    void installedPipelineAndTemplateMapDestinationLocationAsGeoPoint() throws IOException {
        this.installer.install(this.indexer, PIPELINE_ID, false);
        PipelineRuns runs = new PipelineRuns(PIPELINE_ID, new AlertsPipelineGenerator(GeoIpFields.defaults())
                .generate());

        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(
                FilebeatEvents.connection("outbound", "10.0.0.5", "89.160.20.128")));

        JsonNode mapping = this.node.json("GET", "/" + indexed.index() + "/_mapping/field/GeoLocationDst.location",
                null);
        assertThat(mapping.at("/" + indexed.index() + "/mappings/GeoLocationDst.location/mapping/location/type")
                .asText()).isEqualTo("geo_point");
    }

    @Test
    void existingAlertsIndexGetsTheMappingsOnce() throws IOException {
        this.node.json("PUT", "/_template/wazuh", JsonFiles.compact(WazuhFiles.template()));
        this.node.json("PUT", "/wazuh-alerts-4.x-2026.12.03", null);

        Change first = this.installer.updateExistingIndices(this.indexer, false);
        Change second = this.installer.updateExistingIndices(this.indexer, false);

        assertThat(first).isEqualTo(new Change("mappings of existing indices wazuh-alerts-4.x-* (1)", Action.UPDATED));
        assertThat(second).isEqualTo(new Change("mappings of existing indices wazuh-alerts-4.x-*", Action.UNCHANGED));
        JsonNode mapping = this.node.json("GET", "/wazuh-alerts-4.x-2026.12.03/_mapping", null);
        assertThat(mapping.at("/wazuh-alerts-4.x-2026.12.03/mappings/properties/GeoLocationDst/properties/location"
                + "/type").asText()).isEqualTo("geo_point");
    }

    @Test
    void existingIndexWithAConflictingMappingIsNamed() throws IOException {
        this.node.json("POST", "/wazuh-alerts-4.x-2026.12.02/_doc?refresh=true",
                "{\"GeoLocationDst\":{\"location\":{\"lat\":1.5,\"lon\":2.5}}}");

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> this.installer.updateExistingIndices(this.indexer, false))
                .withMessageStartingWith("index [wazuh-alerts-4.x-2026.12.02]: index template maps "
                        + "[mappings.properties.GeoLocationDst.properties.location] as {\"properties\":");
    }

    @Test
    void filebeatModuleGetsThePipelineFileAndKeepsTheOriginal(@TempDir Path module) throws IOException {
        Path ingest = Files.createDirectories(module.resolve("alerts/ingest"));
        Files.copy(WazuhFiles.pipelineFile(), ingest.resolve("pipeline.json"));

        Change first = this.installer.writeFilebeatModule(module, false);
        Change second = this.installer.writeFilebeatModule(module, false);

        assertThat(first).isEqualTo(new Change("pipeline file " + ingest.resolve("pipeline.json"), Action.UPDATED));
        assertThat(second.action()).isEqualTo(Action.UNCHANGED);
        assertThat(ingest.resolve("pipeline.json")).hasSameTextualContentAs(Path.of("generated", "pipeline.json"));
        assertThat(ingest.resolve("pipeline.json.orig")).hasSameTextualContentAs(WazuhFiles.pipelineFile());
    }

    @Test
    void directoryThatIsNotTheWazuhModuleIsRejected(@TempDir Path module) {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> this.installer.writeFilebeatModule(module, false))
                .withMessage("Filebeat module directory [" + module + "] has no alerts/ingest directory: pass the "
                        + "wazuh module, e.g. /usr/share/filebeat/module/wazuh");
    }

    @Test
    void filebeatTemplateFileGetsTheMappings(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("wazuh-template.json");
        Files.copy(WazuhFiles.templateFile(), file);

        Change first = this.installer.mergeFilebeatTemplate(file, false);
        Change second = this.installer.mergeFilebeatTemplate(file, false);

        assertThat(first.action()).isEqualTo(Action.UPDATED);
        assertThat(second.action()).isEqualTo(Action.UNCHANGED);
        assertThat(file).hasSameTextualContentAs(Path.of("generated", "template.json"));
    }

    @Test
    void refusedCallNamesTheNodeTheCallAndTheAnswer() {
        assertThatExceptionOfType(IndexerException.class)
                .isThrownBy(() -> this.indexer.put("/_ingest/pipeline/broken", JsonFiles.parse("{\"processors\":"
                        + "[{\"nope\":{}}]}", "test")))
                .satisfies(ex -> assertThat(ex.status()).isEqualTo(400))
                .withMessageStartingWith("PUT " + this.node.httpUrl() + "/_ingest/pipeline/broken failed: "
                        + "HTTP/1.1 400 Bad Request {\"error\":")
                .withMessageContaining("No processor type exists with name [nope]");
    }

    @Test
    void unreachableNodeIsNamedInTheError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(OpenSearchTestNode.LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }
        try (IndexerClient unreachable = new IndexerClient(new IndexerConnection(
                URI.create("http://127.0.0.1:" + closedPort), null, false, null, null))) {
            assertThatExceptionOfType(IndexerException.class)
                    .isThrownBy(() -> unreachable.get("/_template/wazuh"))
                    .withMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/_template/wazuh failed: "
                            + "java.net.ConnectException");
        }
    }

    private JsonNode template() throws IOException {
        return this.node.json("GET", "/_template/wazuh", null).path("wazuh");
    }

    private void deleteInstalled() throws IOException {
        for (String path : List.of("/_ingest/pipeline/" + PIPELINE_ID, "/_template/wazuh")) {
            try {
                this.node.json("DELETE", path, null);
            }
            catch (ResponseException ex) {
                assertThat(ex.getResponse().getStatusLine().getStatusCode()).as(path).isEqualTo(404);
            }
        }
    }

}
