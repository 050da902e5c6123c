package io.tcpwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tcpwatch.ingest.PipelineInstaller.Change;
import io.tcpwatch.ingest.PipelineInstaller.Change.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The installer over TLS with basic auth, against a stand-in indexer on loopback whose certificate for 127.0.0.1
 * is signed by the test CA in src/test/resources/tls. It answers 404 to every GET and acknowledges every PUT.
 */
class TlsIndexerTests {

    private static final Path CA = Path.of("src/test/resources/tls/ca.pem");

    private final List<String> requests = new ArrayList<>();

    private HttpsServer server;

    @BeforeEach
    void startServer() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/tls/server.p12"))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        this.server.setHttpsConfigurator(new HttpsConfigurator(context));
        this.server.createContext("/", this::answer);
        this.server.start();
    }

    @AfterEach
    void stopServer() {
        this.server.stop(0);
    }

    @Test
    void installTrustsTheCaFileAndSendsBasicAuth() throws IOException {
        List<Change> changes;
        try (IndexerClient indexer = new IndexerClient(connection(CA, false))) {
            changes = installer().install(indexer, "filebeat-7.10.2-wazuh-alerts-pipeline", false);
        }

        String credentials = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(
                StandardCharsets.UTF_8));
        assertThat(changes).extracting(Change::action).containsExactly(Action.CREATED, Action.CREATED);
        assertThat(this.requests).containsExactly(
                "GET /_ingest/pipeline/filebeat-7.10.2-wazuh-alerts-pipeline " + credentials,
                "PUT /_ingest/pipeline/filebeat-7.10.2-wazuh-alerts-pipeline " + credentials,
                "GET /_template/wazuh " + credentials,
                "PUT /_template/wazuh " + credentials);
    }

    @Test
    void certificateFromAnUnknownCaIsRefused() throws IOException {
        try (IndexerClient indexer = new IndexerClient(connection(null, false))) {
            assertThatExceptionOfType(IndexerException.class)
                    .isThrownBy(() -> indexer.get("/_template/wazuh"))
                    .withMessageStartingWith("GET " + url() + "/_template/wazuh failed: "
                            + "javax.net.ssl.SSLHandshakeException");
        }
        assertThat(this.requests).isEmpty();
    }

    @Test
    void insecureAcceptsTheCertificateWithoutTheCa() throws IOException {
        try (IndexerClient indexer = new IndexerClient(connection(null, true))) {
            assertThat(indexer.get("/_template/wazuh")).isEmpty();
        }
        assertThat(this.requests).hasSize(1);
    }

    private IndexerConnection connection(Path ca, boolean insecure) {
        return new IndexerConnection(URI.create(url()), ca, insecure, "admin", "s3cret");
    }

    private String url() {
        return "https://127.0.0.1:" + this.server.getAddress().getPort();
    }

    private static PipelineInstaller installer() {
        return new PipelineInstaller(GeoIpFields.defaults(), new PrintStream(OutputStream.nullOutputStream()));
    }

    private void answer(HttpExchange exchange) throws IOException {
        synchronized (this.requests) {
            this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
        }
        exchange.getRequestBody().readAllBytes();
        boolean get = "GET".equals(exchange.getRequestMethod());
        byte[] body = (get ? "{\"error\":\"not found\",\"status\":404}" : "{\"acknowledged\":true}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(get ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

}
