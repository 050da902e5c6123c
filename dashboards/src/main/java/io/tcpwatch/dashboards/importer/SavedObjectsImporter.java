package io.tcpwatch.dashboards.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Imports an NDJSON file of saved objects through the saved-objects API of OpenSearch Dashboards (and so
 * of the Wazuh dashboard): {@code POST /api/saved_objects/_import?overwrite=true}, the file as the
 * multipart part {@code file}, with the {@code osd-xsrf} header the API requires.
 */
public final class SavedObjectsImporter {

    /** The import API path, relative to the dashboard's base URL. */
    static final String IMPORT_PATH = "api/saved_objects/_import?overwrite=true";

    private final URI importUri;

    private final HttpClient client;

    private final String authorization;

    private final Duration timeout;

    private String tenant;

    /**
     * Creates an importer.
     *
     * @param dashboardUrl the dashboard's base URL, e.g. {@code https://wazuh-dashboard:443/}
     * @param client the HTTP client (its TLS settings decide which certificates are trusted)
     * @param user the user for basic authentication, or {@code null} for none
     * @param password the password, used when {@code user} is set
     * @param timeout how long to wait for the answer
     */
    public SavedObjectsImporter(URI dashboardUrl, HttpClient client, String user, String password,
            Duration timeout) {
        Objects.requireNonNull(dashboardUrl, "'dashboardUrl' must not be null");
        String scheme = dashboardUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("dashboard URL [" + dashboardUrl + "] must start with http:// or "
                    + "https://");
        }
        String base = dashboardUrl.toString();
        this.importUri = URI.create(base.endsWith("/") ? base + IMPORT_PATH : base + "/" + IMPORT_PATH);
        this.client = Objects.requireNonNull(client, "'client' must not be null");
        this.authorization = (user != null) ? "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + Objects.requireNonNullElse(password, ""))
                        .getBytes(StandardCharsets.UTF_8)) : null;
        this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
    }

    /**
     * Imports into a tenant of the security plugin's multi-tenancy instead of the user's default one.
     *
     * @param tenant the tenant name ({@code global}, {@code private} or a custom tenant), sent as the
     *     {@code securitytenant} header
     * @return this importer
     */
    public SavedObjectsImporter tenant(String tenant) {
        if (tenant != null && tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank");
        }
        this.tenant = tenant;
        return this;
    }

    /**
     * The URI the import is posted to.
     *
     * @return the import URI
     */
    public URI importUri() {
        return this.importUri;
    }

    /**
     * Builds the import request.
     *
     * @param fileName the file name sent with the part; the API requires the {@code .ndjson} extension
     * @param ndjson the file content
     * @param boundary the multipart boundary, not occurring in the content
     * @return the request
     */
    HttpRequest request(String fileName, byte[] ndjson, String boundary) {
        if (!fileName.endsWith(".ndjson")) {
            throw new IllegalArgumentException("saved objects file [" + fileName + "] must have the .ndjson "
                    + "extension the import API requires");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "") + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(ndjson);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(this.importUri)
                .timeout(this.timeout)
                .header("osd-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (this.authorization != null) {
            request.header("Authorization", this.authorization);
        }
        if (this.tenant != null) {
            request.header("securitytenant", this.tenant);
        }
        return request.build();
    }

    /**
     * Imports the file.
     *
     * @param fileName the file name, ending in {@code .ndjson}
     * @param ndjson the file content
     * @return what the dashboard wrote and refused
     * @throws ImportException when the dashboard cannot be reached, refuses the request (HTTP 4xx, 5xx)
     *     or answers with something else than the import API's answer
     * @throws InterruptedException when interrupted while waiting for the answer
     */
    public ImportResult importFile(String fileName, byte[] ndjson) throws InterruptedException {
        HttpRequest request = request(fileName, ndjson, newBoundary());
        HttpResponse<String> response;
        try {
            response = this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new ImportException("failed to reach the dashboard at " + this.importUri + ": " + ex, ex);
        }
        if (response.statusCode() != 200) {
            throw new ImportException(ImportResult.errorMessage(response.statusCode(), response.body()) + " (POST "
                    + this.importUri + ")");
        }
        return ImportResult.parse(response.body());
    }

    private static String newBoundary() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return "tcpwatch-" + HexFormat.of().formatHex(random);
    }

}
