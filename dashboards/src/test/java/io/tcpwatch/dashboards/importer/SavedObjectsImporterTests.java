package io.tcpwatch.dashboards.importer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SavedObjectsImporterTests {

    private static final byte[] NDJSON = "{\"id\":\"a\",\"type\":\"search\",\"attributes\":{}}\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final String SUCCESS = "{\"successCount\":1,\"success\":true,\"successResults\":[{\"type\":"
            + "\"search\",\"id\":\"a\",\"meta\":{\"title\":\"A\",\"icon\":\"discoverApp\"}}]}";

    private LoopbackDashboard dashboard;

    @AfterEach
    void stopDashboard() {
        if (this.dashboard != null) {
            this.dashboard.close();
        }
    }

    @Test
    void importPostsToTheImportApiWithOverwriteAndTheXsrfHeader() throws Exception {
        this.dashboard = new LoopbackDashboard(200, SUCCESS);

        importer(this.dashboard.url(), null).importFile("objects.ndjson", NDJSON);

        LoopbackDashboard.Received request = this.dashboard.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/api/saved_objects/_import?overwrite=true");
        assertThat(request.header("Osd-xsrf")).isEqualTo("true");
    }

    @Test
    void importSendsTheFileAsTheMultipartPartNamedFile() throws Exception {
        this.dashboard = new LoopbackDashboard(200, SUCCESS);

        importer(this.dashboard.url(), null).importFile("objects.ndjson", NDJSON);

        LoopbackDashboard.Received request = this.dashboard.received().get(0);
        String contentType = request.header("Content-type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=tcpwatch-");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"objects.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n"
                + "{\"id\":\"a\",\"type\":\"search\",\"attributes\":{}}\n"
                + "\r\n--" + boundary + "--\r\n");
    }

    @Test
    void importAuthenticatesWithBasicAuthenticationWhenAUserIsGiven() throws Exception {
        this.dashboard = new LoopbackDashboard(200, SUCCESS);

        importer(this.dashboard.url(), "admin").importFile("objects.ndjson", NDJSON);

        // base64("admin:secret")
        assertThat(this.dashboard.received().get(0).header("Authorization")).isEqualTo("Basic YWRtaW46c2VjcmV0");
    }

    @Test
    void importNamesTheTenantWhenOneIsGiven() throws Exception {
        this.dashboard = new LoopbackDashboard(200, SUCCESS);

        importer(this.dashboard.url(), "admin").tenant("global").importFile("objects.ndjson", NDJSON);

        assertThat(this.dashboard.received().get(0).header("Securitytenant")).isEqualTo("global");
    }

    @Test
    void importSendsNoAuthorizationWithoutAUser() throws Exception {
        this.dashboard = new LoopbackDashboard(200, SUCCESS);

        importer(this.dashboard.url(), null).importFile("objects.ndjson", NDJSON);

        assertThat(this.dashboard.received().get(0).header("Authorization")).isNull();
    }

    @Test
    void importUriKeepsTheBasePathOfADashboardBehindAProxy() {
        SavedObjectsImporter importer = importer(URI.create("https://siem.example:8443/wazuh/"), null);

        assertThat(importer.importUri())
                .hasToString("https://siem.example:8443/wazuh/api/saved_objects/_import?overwrite=true");
    }

    @Test
    void importReturnsWhatTheDashboardWrote() throws Exception {
        this.dashboard = new LoopbackDashboard(200, SUCCESS);

        ImportResult result = importer(this.dashboard.url(), null).importFile("objects.ndjson", NDJSON);

        assertThat(result).isEqualTo(new ImportResult(true, 1,
                List.of(new ImportResult.Imported("search", "a", "A", false)), List.of()));
    }

    @Test
    void unauthorizedAnswerFailsNamingTheStatusAndTheMessage() throws Exception {
        this.dashboard = new LoopbackDashboard(401, "{\"statusCode\":401,\"error\":\"Unauthorized\","
                + "\"message\":\"Authentication required\"}");
        SavedObjectsImporter importer = importer(this.dashboard.url(), "admin");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFile("objects.ndjson", NDJSON))
                .withMessage("import refused with HTTP 401 Unauthorized: Authentication required (POST "
                        + this.dashboard.url() + "/api/saved_objects/_import?overwrite=true)");
    }

    @Test
    void serverErrorWithAPlainTextBodyFailsQuotingTheBody() throws Exception {
        this.dashboard = new LoopbackDashboard(502, "Bad Gateway\n");
        SavedObjectsImporter importer = importer(this.dashboard.url(), null);

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFile("objects.ndjson", NDJSON))
                .withMessage("import refused with HTTP 502: Bad Gateway (POST " + this.dashboard.url()
                        + "/api/saved_objects/_import?overwrite=true)");
    }

    @Test
    void okAnswerThatIsNotTheImportApisFailsQuotingTheBody() throws Exception {
        this.dashboard = new LoopbackDashboard(200, "<html>login</html>");
        SavedObjectsImporter importer = importer(this.dashboard.url(), null);

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFile("objects.ndjson", NDJSON))
                .withMessageStartingWith("import response is not JSON: ")
                .withMessageEndingWith(" in body [<html>login</html>]");
    }

    @Test
    void unreachableDashboardFailsNamingTheUrl() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        SavedObjectsImporter importer = importer(closed, null);

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFile("objects.ndjson", NDJSON))
                .withMessageStartingWith("failed to reach the dashboard at " + closed
                        + "/api/saved_objects/_import?overwrite=true: java.net.ConnectException");
    }

    @Test
    void fileWithoutTheNdjsonExtensionIsRejectedBeforeSending() {
        SavedObjectsImporter importer = importer(URI.create("http://127.0.0.1:9"), null);

        assertThatIllegalArgumentException().isThrownBy(() -> importer.importFile("objects.json", NDJSON))
                .withMessage("saved objects file [objects.json] must have the .ndjson extension the import API "
                        + "requires");
    }

    @Test
    void urlWithoutHttpSchemeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> importer(URI.create("ftp://127.0.0.1/"), null))
                .withMessage("dashboard URL [ftp://127.0.0.1/] must start with http:// or https://");
    }

    private static SavedObjectsImporter importer(URI url, String user) {
        return new SavedObjectsImporter(url, HttpClient.newHttpClient(), user, "secret", Duration.ofSeconds(10));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
