package io.tcpwatch.dashboards.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.dashboards.AlertsIndexTemplate;
import io.tcpwatch.dashboards.TcpwatchDashboards;
import io.tcpwatch.ingest.AlertsPipelineGenerator;
import io.tcpwatch.ingest.GeoIpFields;
import io.tcpwatch.ingest.IndexTemplateGenerator;
import io.tcpwatch.testnode.OpenSearchTestNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts of {@link TcpwatchAlerts} indexed on the JVM's OpenSearch test node the way a Wazuh
 * deployment indexes them: the index template of module ingest-pipeline, and each
 * {@code alerts.json} line sent as the {@code message} of a document through tcpwatch's generated
 * ingest pipeline.
 */
final class AlertsOnOpenSearch {

    static final String PIPELINE = "tcpwatch-dashboards-test";

    static final String TEMPLATE = "tcpwatch-dashboards-test";

    private static final String INCOMING = AlertsPipelineGenerator.INDEX_PREFIX + "incoming";

    /** The pattern the saved objects read. */
    static final String PATTERN = TcpwatchDashboards.INDEX_PATTERN_ID;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AlertsOnOpenSearch indexed;

    private final OpenSearchTestNode node;

    private final List<String> indices;

    private AlertsOnOpenSearch(OpenSearchTestNode node, List<String> indices) {
        this.node = node;
        this.indices = indices;
    }

    /** @return the node with the alerts indexed; indexes them on the first call */
    static synchronized AlertsOnOpenSearch shared() throws IOException {
        if (indexed == null) {
            indexed = index(OpenSearchTestNode.shared());
        }
        return indexed;
    }

    /** @return the indices the pipeline routed the alerts to, one per alert */
    List<String> indices() {
        return this.indices;
    }

    OpenSearchTestNode node() {
        return this.node;
    }

    /**
     * Runs the query a saved object makes.
     *
     * @param query the saved object's query
     * @param range the time range
     * @param hits how many documents a saved search fetches
     * @return the answer
     */
    JsonNode search(VisualizationQuery query, TimeRange range, int hits) throws IOException {
        return this.node.json("POST", "/" + PATTERN + "/_search", query.request(range, hits).toString());
    }

    /** The committed template of module ingest-pipeline, or Wazuh's merged with the additions until it exists. */
    private static JsonNode template() throws IOException {
        Path generated = AlertsIndexTemplate.generatedTemplate();
        if (Files.exists(generated)) {
            return JSON.readTree(generated.toFile());
        }
        return new IndexTemplateGenerator().merge(JSON.readTree(AlertsIndexTemplate.stockTemplate().toFile()));
    }

    private static AlertsOnOpenSearch index(OpenSearchTestNode node) throws IOException {
        node.deleteIndices(AlertsPipelineGenerator.INDEX_PREFIX + "*");
        node.json("PUT", "/_template/" + TEMPLATE, template().toString());
        node.json("PUT", "/_ingest/pipeline/" + PIPELINE,
                new AlertsPipelineGenerator(GeoIpFields.defaults()).generate().toString());
        List<String> messages = new ArrayList<>();
        for (ObjectNode alert : TcpwatchAlerts.all()) {
            messages.add(JSON.createObjectNode().put("message", alert.toString()).toString());
        }
        StringBuilder bulk = new StringBuilder();
        for (String message : messages) {
            bulk.append("{\"index\":{\"_index\":\"").append(INCOMING).append("\"}}\n").append(message).append('\n');
        }
        String path = "/_bulk?refresh=true&pipeline=" + PIPELINE;
        JsonNode answer = node.json("POST", path, bulk.toString());
        if (answer.path("errors").asBoolean(true)) {
            throw new IllegalStateException("bulk indexing of the test alerts failed: " + answer);
        }
        List<String> indices = new ArrayList<>();
        answer.path("items").forEach((item) -> indices.add(item.path("index").path("_index").asText()));
        return new AlertsOnOpenSearch(node, List.copyOf(indices));
    }

}
