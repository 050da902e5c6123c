package io.tcpwatch.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.util.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

/**
 * The few indexer calls the installer makes, over the OpenSearch low-level REST client with JSON bodies.
 */
public final class IndexerClient implements Closeable {

    private static final int NOT_FOUND = 404;

    private final IndexerConnection connection;

    private final RestClient client;

    /**
     * @param connection where the indexer is and how to log in
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
     */
    public IndexerClient(IndexerConnection connection) {
        this.connection = connection;
        HttpHost host = new HttpHost(connection.url().getHost(), connection.port(), connection.url().getScheme());
        RestClientBuilder builder = RestClient.builder(host);
        SSLContext ssl = sslContext(connection);
        builder.setHttpClientConfigCallback(http -> {
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            if (connection.insecure()) {
                http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            if (connection.user() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY,
                        new UsernamePasswordCredentials(connection.user(), connection.password()));
                http.setDefaultCredentialsProvider(credentials);
            }
            return http;
        });
        this.client = builder.build();
    }

    /** @return the node this client talks to, as errors name it */
    public String node() {
        return this.connection.displayName();
    }

    /**
     * @param path the path, e.g. {@code /_template/wazuh}
     * @return the answer, or empty when the node answers 404
     * @throws IndexerException when the node cannot be reached or answers another error
     */
    public Optional<JsonNode> get(String path) {
        try {
            return Optional.of(send("GET", path, null));
        }
        catch (IndexerException ex) {
            if (ex.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    /**
     * @param path the path
     * @param body the JSON body
     * @return the answer
     * @throws IndexerException when the node cannot be reached or answers an error
     */
    public JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        String call = method + " " + node() + path;
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(JsonFiles.compact(body));
        }
        try {
            Response response = this.client.performRequest(request);
            String text = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return JsonFiles.parse(text.isEmpty() ? "{}" : text, "the answer to " + call);
        }
        catch (ResponseException ex) {
            int status = ex.getResponse().getStatusLine().getStatusCode();
            throw new IndexerException(call + " failed: " + ex.getResponse().getStatusLine() + " "
                    + answer(ex.getResponse()), status, ex);
        }
        catch (IOException ex) {
            throw new IndexerException(call + " failed: " + ex, 0, ex);
        }
    }

    private static String answer(Response response) {
        try {
            return response.getEntity() == null ? "(no body)"
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return "(body unreadable: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        this.client.close();
    }

    static SSLContext sslContext(IndexerConnection connection) {
        try {
            if (connection.insecure()) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustingEverything()}, null);
                return context;
            }
            if (connection.caFile() != null) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trustManagers(connection.caFile()), null);
                return context;
            }
            return null;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Failed to set up TLS for " + connection.displayName() + ": " + ex, ex);
        }
    }

    static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("CA file [" + caFile + "] cannot be read: " + ex, ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("CA file [" + caFile + "] is not a PEM certificate: "
                    + ex.getMessage(), ex);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("CA file [" + caFile + "] holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Failed to create an empty trust store", ex);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** Accepts every certificate: what {@code --insecure} asks for. */
    private static final class TrustingEverything implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

    }

}
