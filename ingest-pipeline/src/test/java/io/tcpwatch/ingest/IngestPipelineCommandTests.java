package io.tcpwatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.tcpwatch.testnode.OpenSearchTestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.ResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IngestPipelineCommandTests {

    private static final String PIPELINE_ID = "filebeat-7.10.2-wazuh-alerts-pipeline";

    private final OpenSearchTestNode node = OpenSearchTestNode.shared();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final IngestPipelineCommand command = new IngestPipelineCommand(
            new PrintStream(this.out, true, StandardCharsets.UTF_8),
            new PrintStream(this.err, true, StandardCharsets.UTF_8), Map.of());

    @AfterEach
    void deleteInstalled() throws IOException {
        for (String path : new String[] {"/_ingest/pipeline/filebeat-7.10.2-wazuh-alerts-pipeline",
            "/_template/wazuh"}) {
            try {
                this.node.json("DELETE", path, null);
            }
            catch (ResponseException ex) {
                assertThat(ex.getResponse().getStatusLine().getStatusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void installReportsWhatItCreated() {
        int status = this.command.run("install", "--url", this.node.httpUrl());

        assertThat(status).isZero();
        assertThat(out()).isEqualTo("pipeline filebeat-7.10.2-wazuh-alerts-pipeline: created\n"
                + "index template wazuh: created\n");
    }

    @Test
    void secondInstallSaysNothingChanged() {
        this.command.run("install", "--url", this.node.httpUrl());
        this.out.reset();

        int status = this.command.run("install", "--url", this.node.httpUrl());

        assertThat(status).isZero();
        assertThat(out()).isEqualTo("pipeline filebeat-7.10.2-wazuh-alerts-pipeline: unchanged\n"
                + "index template wazuh: unchanged\n"
                + "nothing changed: " + this.node.httpUrl() + " is up to date\n");
    }

    @Test
    void updateIndicesReportsTheExistingIndices() {
        int status = this.command.run("install", "--url", this.node.httpUrl(), "--dry-run", "--update-indices");

        assertThat(status).isZero();
        assertThat(out()).endsWith("mappings of existing indices wazuh-alerts-4.x-*: unchanged\n");
    }

    @Test
    void filebeatVersionChangesThePipelineId() {
        int status = this.command.run("install", "--url", this.node.httpUrl(), "--dry-run", "--filebeat-version",
                "7.17.3");

        assertThat(status).isZero();
        assertThat(out()).contains("pipeline filebeat-7.17.3-wazuh-alerts-pipeline: would be created\n");
    }

    @Test
    void unknownCommandIsAUsageError() {
        int status = this.command.run("deploy");

        assertThat(status).isEqualTo(2);
        assertThat(err()).startsWith("ingest-pipeline: unknown command [deploy]: expected generate or install\n"
                + "usage: ");
    }

    @Test
    void optionOfTheOtherCommandIsAUsageError() {
        int status = this.command.run("generate", "--url", "https://localhost:9200");

        assertThat(status).isEqualTo(2);
        assertThat(err()).startsWith("ingest-pipeline: option [--url] does not apply to this command\n");
    }

    @Test
    void optionWithoutValueIsAUsageError() {
        int status = this.command.run("install", "--url");

        assertThat(status).isEqualTo(2);
        assertThat(err()).startsWith("ingest-pipeline: option [--url] needs a value\n");
    }

    @Test
    void badFieldNameIsAUsageError() {
        int status = this.command.run("generate", "--destination-field", "data dstip");

        assertThat(status).isEqualTo(2);
        assertThat(err()).startsWith("ingest-pipeline: geoip field [data dstip] is not a dotted field name");
    }

    @Test
    void userWithoutPasswordIsRefusedBeforeAnyCall() {
        int status = this.command.run("install", "--url", this.node.httpUrl(), "--user", "admin");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline install: user [admin] has no password: set "
                + "TCPWATCH_INDEXER_PASSWORD or pass --password-file\n");
    }

    @Test
    void caFileAndInsecureTogetherAreRefused() {
        int status = this.command.run("install", "--ca", "ca.pem", "--insecure");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline install: --ca and --insecure exclude each other: choose one\n");
    }

    @Test
    void urlWithoutSchemeIsRefused() {
        int status = this.command.run("install", "--url", "localhost:9200");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline install: indexer URL [localhost:9200] must be http:// or "
                + "https:// with a host, e.g. https://localhost:9200\n");
    }

    @Test
    void caFileThatIsNotACertificateIsNamed() {
        Path ca = Path.of("src/test/resources/tls/not-a-certificate.pem");

        int status = this.command.run("install", "--url", "https://127.0.0.1:9", "--ca", ca.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).startsWith("ingest-pipeline install: CA file [" + ca + "] is not a PEM certificate: ");
    }

    @Test
    void missingTemplateFileIsNamed(@TempDir Path out) {
        int status = this.command.run("generate", "--out", out.toString(), "--wazuh-template", "no-such.json");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline generate: file [no-such.json] does not exist\n");
    }

    @Test
    void templateFileThatIsNotJsonIsNamedWithTheLine(@TempDir Path out) throws IOException {
        Path template = Files.writeString(out.resolve("broken.json"), "{\n  \"order\": 0,\n  oops\n}\n");

        int status = this.command.run("generate", "--out", out.toString(), "--wazuh-template", template.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline generate: " + template + " is not valid JSON at line 3, "
                + "column 3: Unexpected character ('o' (code 111)): was expecting double-quote to start field name\n");
    }

    @Test
    void wrongFilebeatModuleDirectoryIsRefusedBeforeTheIndexerIsChanged(@TempDir Path dir) {
        int status = this.command.run("install", "--url", this.node.httpUrl(), "--filebeat-module", dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline install: Filebeat module directory [" + dir + "] has no "
                + "alerts/ingest directory: pass the wazuh module, e.g. /usr/share/filebeat/module/wazuh\n");
        assertPipelineNotInstalled();
    }

    @Test
    void missingFilebeatTemplateFileIsRefusedBeforeTheIndexerIsChanged(@TempDir Path dir) {
        Path missing = dir.resolve("wazuh-template.json");

        int status = this.command.run("install", "--url", this.node.httpUrl(), "--filebeat-template",
                missing.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest-pipeline install: file [" + missing + "] does not exist\n");
        assertPipelineNotInstalled();
    }

    private void assertPipelineNotInstalled() {
        assertThatExceptionOfType(ResponseException.class)
                .isThrownBy(() -> this.node.json("GET", "/_ingest/pipeline/" + PIPELINE_ID, null))
                .satisfies(ex -> assertThat(ex.getResponse().getStatusLine().getStatusCode()).isEqualTo(404));
    }

    private String out() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return this.err.toString(StandardCharsets.UTF_8);
    }

}
