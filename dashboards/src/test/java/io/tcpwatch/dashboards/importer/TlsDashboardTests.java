package io.tcpwatch.dashboards.importer;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The importer against an HTTPS stand-in of the dashboard on a loopback port, with a certificate made by
 * the JDK's keytool for this test only.
 */
class TlsDashboardTests {

    private static final String PASSWORD = "test-only";

    private static final String SUCCESS = "{\"successCount\":0,\"success\":true,\"successResults\":[]}";

    @TempDir
    static Path dir;

    private static HttpsServer server;

    private static Path caFile;

    @BeforeAll
    static void startHttpsDashboard() throws Exception {
        Path keyStore = dir.resolve("dashboard.p12");
        caFile = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "dashboard", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "dashboard", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", caFile.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = SUCCESS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsDashboard() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void importSucceedsWhenTheCaFileHoldsTheDashboardsCertificate() throws Exception {
        ImportResult result = importer(DashboardHttpClient.create(caFile, false, Duration.ofSeconds(10)))
                .importFile("x.ndjson", new byte[0]);

        assertThat(result).isEqualTo(new ImportResult(true, 0, List.of(), List.of()));
    }

    @Test
    void importFailsWhenTheJdkTrustStoreDoesNotKnowTheCertificate() {
        SavedObjectsImporter importer = importer(DashboardHttpClient.create(null, false, Duration.ofSeconds(10)));

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFile("x.ndjson", new byte[0]))
                .withMessageStartingWith("failed to reach the dashboard at " + url()
                        + "/api/saved_objects/_import?overwrite=true: javax.net.ssl.SSLHandshakeException");
    }

    @Test
    void importSucceedsWithInsecureWhateverTheCertificate() throws Exception {
        ImportResult result = importer(DashboardHttpClient.create(null, true, Duration.ofSeconds(10)))
                .importFile("x.ndjson", new byte[0]);

        assertThat(result.success()).isTrue();
    }

    private static SavedObjectsImporter importer(HttpClient client) {
        return new SavedObjectsImporter(url(), client, "admin", "admin", Duration.ofSeconds(10));
    }

    private static URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new ArrayList<>(List.of(keytool));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + output);
        }
    }

}
