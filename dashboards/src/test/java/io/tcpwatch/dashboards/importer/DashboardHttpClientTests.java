package io.tcpwatch.dashboards.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DashboardHttpClientTests {

    @Test
    void caFileThatIsNotACertificateIsRejectedNamingTheFile(@TempDir Path dir) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n"
                + "-----END CERTIFICATE-----\n");

        assertThatIllegalArgumentException().isThrownBy(() -> DashboardHttpClient.create(ca, false,
                Duration.ofSeconds(5))).withMessageStartingWith("CA file [" + ca + "] is not a PEM or DER certificate");
    }

    @Test
    void missingCaFileIsRejectedNamingTheFile(@TempDir Path dir) {
        Path ca = dir.resolve("absent.pem");

        assertThatIllegalArgumentException().isThrownBy(() -> DashboardHttpClient.create(ca, false,
                Duration.ofSeconds(5))).withMessageStartingWith("failed to read CA file [" + ca + "]");
    }

    @Test
    void caFileAndInsecureTogetherAreRejected(@TempDir Path dir) {
        assertThatIllegalArgumentException().isThrownBy(() -> DashboardHttpClient.create(dir.resolve("ca.pem"), true,
                Duration.ofSeconds(5))).withMessage("--ca-cert and --insecure exclude each other");
    }

    @Test
    void clientSpeaksHttp11WithTheGivenConnectTimeout() {
        HttpClient client = DashboardHttpClient.create(null, false, Duration.ofSeconds(7));

        assertThat(client.connectTimeout()).contains(Duration.ofSeconds(7));
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

}
