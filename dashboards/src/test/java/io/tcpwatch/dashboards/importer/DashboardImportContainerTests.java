package io.tcpwatch.dashboards.importer;

import io.tcpwatch.dashboards.TcpwatchDashboards;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the bundled saved objects into a real OpenSearch Dashboards 2.19 (the base of the Wazuh
 * dashboard 4.x) backed by a real OpenSearch node, both in Docker with the security plugin off.
 *
 * <p>Skipped where Docker is not available ("disabledWithoutDocker is true and Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class DashboardImportContainerTests {

    private static final String VERSION = "2.19.1";

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final GenericContainer<?> OPENSEARCH = new GenericContainer<>("opensearchproject/opensearch:"
            + VERSION)
            .withNetwork(NETWORK)
            .withNetworkAliases("opensearch")
            .withEnv("discovery.type", "single-node")
            .withEnv("DISABLE_SECURITY_PLUGIN", "true")
            .withEnv("DISABLE_INSTALL_DEMO_CONFIG", "true")
            .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withExposedPorts(9200)
            .waitingFor(Wait.forHttp("/_cluster/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    @Container
    private static final GenericContainer<?> DASHBOARDS = new GenericContainer<>(
            "opensearchproject/opensearch-dashboards:" + VERSION)
            .withNetwork(NETWORK)
            .withEnv("OPENSEARCH_HOSTS", "[\"http://opensearch:9200\"]")
            .withEnv("DISABLE_SECURITY_DASHBOARDS_PLUGIN", "true")
            .withExposedPorts(5601)
            .dependsOn(OPENSEARCH)
            .waitingFor(Wait.forHttp("/api/status").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)));

    @Test
    void bundledObjectsImportWithoutErrorOnceTheAlertsIndexPatternExistsAndAgainOverThemselves() throws Exception {
        URI dashboard = URI.create("http://" + DASHBOARDS.getHost() + ":" + DASHBOARDS.getMappedPort(5601));
        createAlertsIndexPattern(dashboard);
        SavedObjectsImporter importer = new SavedObjectsImporter(dashboard, HttpClient.newHttpClient(), null, null,
                Duration.ofSeconds(60));

        ImportResult first = importer.importFile("tcpwatch-dashboards.ndjson", bundled());
        ImportResult second = importer.importFile("tcpwatch-dashboards.ndjson", bundled());

        assertThat(first.failures()).isEmpty();
        assertThat(first.successCount()).isEqualTo(TcpwatchDashboards.savedObjects().size());
        assertThat(second.failures()).isEmpty();
        assertThat(second.successCount()).isEqualTo(TcpwatchDashboards.savedObjects().size());
    }

    private static void createAlertsIndexPattern(URI dashboard) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(dashboard.resolve("/api/saved_objects/index-pattern/"
                + "wazuh-alerts-*?overwrite=true"))
                .header("osd-xsrf", "true")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"attributes\":{\"title\":\"wazuh-alerts-*\","
                        + "\"timeFieldName\":\"timestamp\"}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static byte[] bundled() throws Exception {
        try (InputStream in = DashboardImportContainerTests.class
                .getResourceAsStream("/io/tcpwatch/dashboards/tcpwatch-dashboards.ndjson")) {
            return in.readAllBytes();
        }
    }

}
