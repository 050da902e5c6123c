package io.tcpwatch.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IndexerClientTests {

    @Test
    void caFileBecomesTheOnlyTrustedIssuer() throws GeneralSecurityException {
        TrustManager[] managers = IndexerClient.trustManagers(Path.of("src/test/resources/tls/ca.pem"));

        X509TrustManager manager = (X509TrustManager) managers[0];
        assertThat(manager.getAcceptedIssuers()).hasSize(1);
        assertThat(manager.getAcceptedIssuers()[0].getSubjectX500Principal().getName())
                .isEqualTo("CN=tcpwatch test CA");
    }

    @Test
    void missingCaFileIsNamed() {
        Path missing = Path.of("src/test/resources/tls/missing.pem");

        assertThatIllegalArgumentException().isThrownBy(() -> IndexerClient.trustManagers(missing))
                .withMessageStartingWith("CA file [" + missing + "] cannot be read: java.nio.file.NoSuchFileException");
    }

    @Test
    void insecureConnectionTrustsAnyCertificate() {
        IndexerConnection connection = new IndexerConnection(URI.create("https://127.0.0.1:9200"), null, true, null,
                null);

        assertThat(IndexerClient.sslContext(connection)).isNotNull();
    }

    @Test
    void plainHttpConnectionHasNoTls() {
        IndexerConnection connection = new IndexerConnection(URI.create("http://127.0.0.1:9200"), null, false, null,
                null);

        assertThat(IndexerClient.sslContext(connection)).isNull();
    }

    @Test
    void urlWithAPathIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexerConnection(
                URI.create("https://127.0.0.1:9200/wazuh"), null, false, null, null))
                .withMessage("indexer URL [https://127.0.0.1:9200/wazuh] must not have a path");
    }

    @Test
    void urlWithoutPortUsesTheSchemeDefault() {
        IndexerConnection connection = new IndexerConnection(URI.create("https://indexer.example"), null, false,
                null, null);

        assertThat(connection.displayName()).isEqualTo("https://indexer.example:443");
    }

}
