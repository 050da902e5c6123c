package io.tcpwatch.dashboards.cli;

import io.tcpwatch.dashboards.AlertsIndexTemplate;
import io.tcpwatch.dashboards.SavedObjectsNdjson;
import io.tcpwatch.dashboards.TcpwatchDashboards;
import io.tcpwatch.dashboards.importer.LoopbackDashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardsCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private LoopbackDashboard dashboard;

    @AfterEach
    void stopDashboard() {
        if (this.dashboard != null) {
            this.dashboard.close();
        }
    }

    @Test
    void importWithoutFileSendsTheBundledSavedObjects() throws Exception {
        this.dashboard = new LoopbackDashboard(200, "{\"successCount\":0,\"success\":true,\"successResults\":[]}");

        run("import", "--url", this.dashboard.url().toString());

        String body = new String(this.dashboard.received().get(0).body(), StandardCharsets.UTF_8);
        assertThat(body).contains("filename=\"tcpwatch-dashboards.ndjson\"")
                .contains(SavedObjectsNdjson.write(TcpwatchDashboards.savedObjects()));
    }

    @Test
    void importReportsEachObjectAndExitsZeroWhenAllWereWritten() throws Exception {
        this.dashboard = new LoopbackDashboard(200, "{\"successCount\":2,\"success\":true,\"successResults\":["
                + "{\"type\":\"search\",\"id\":\"s\",\"meta\":{\"title\":\"S\"}},"
                + "{\"type\":\"dashboard\",\"id\":\"d\",\"meta\":{\"title\":\"D\"},\"overwrite\":true}]}");

        int status = run("import", "--url", this.dashboard.url().toString());

        assertThat(status).isEqualTo(DashboardsCommand.OK);
        assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("imported search s (S)\n"
                + "overwrote dashboard d (D)\n"
                + "2 imported, 0 refused, into " + this.dashboard.url()
                + "/api/saved_objects/_import?overwrite=true\n");
    }

    @Test
    void importReportsRefusedObjectsAndExitsOne() throws Exception {
        this.dashboard = new LoopbackDashboard(200, "{\"successCount\":0,\"success\":false,\"errors\":[{\"id\":\"v\","
                + "\"type\":\"visualization\",\"title\":\"V\",\"error\":{\"type\":\"missing_references\","
                + "\"references\":[{\"type\":\"index-pattern\",\"id\":\"wazuh-alerts-*\"}]}}]}");

        int status = run("import", "--url", this.dashboard.url().toString());

        assertThat(status).isEqualTo(DashboardsCommand.SOME_REFUSED);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).isEqualTo("refused visualization v (V): "
                + "missing_references: missing index-pattern wazuh-alerts-*\n");
    }

    @Test
    void importThatTheDashboardRejectsExitsThree() throws Exception {
        this.dashboard = new LoopbackDashboard(415, "{\"statusCode\":415,\"error\":\"Unsupported Media Type\","
                + "\"message\":\"Unsupported Media Type\"}");

        int status = run("import", "--url", this.dashboard.url().toString());

        assertThat(status).isEqualTo(DashboardsCommand.FAILED);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("error: import refused with HTTP 415 "
                + "Unsupported Media Type: Unsupported Media Type (POST ");
    }

    @Test
    void wrongCommandLineExitsTwoWithUsage() throws Exception {
        int status = run("import", "--url");

        assertThat(status).isEqualTo(DashboardsCommand.USAGE);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("error: --url needs a value\nusage: ");
    }

    @Test
    void unknownCommandExitsTwo() throws Exception {
        assertThat(run("export")).isEqualTo(DashboardsCommand.USAGE);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown command [export]\n");
    }

    @Test
    void missingImportFileExitsThreeNamingTheFile(@TempDir Path dir) throws Exception {
        Path absent = dir.resolve("absent.ndjson");

        int status = run("import", "--url", "http://127.0.0.1:9", "--file", absent.toString());

        assertThat(status).isEqualTo(DashboardsCommand.FAILED);
        assertThat(this.err.toString(StandardCharsets.UTF_8))
                .startsWith("error: failed to read saved objects file [" + absent + "]");
    }

    @Test
    void generateWritesTheSavedObjects(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.ndjson");

        int status = run("generate", file.toString());

        assertThat(status).isEqualTo(DashboardsCommand.OK);
        assertThat(Files.readString(file)).isEqualTo(SavedObjectsNdjson.write(TcpwatchDashboards.savedObjects()));
    }

    @Test
    void checkFindsNoProblemInTheBundledObjectsAgainstTheAlertsTemplate() throws Exception {
        Path template = AlertsIndexTemplate.generatedTemplate();
        Assumptions.assumeTrue(Files.exists(template), "ingest-pipeline/generated/template.json is not there");

        int status = run("check", "--template", template.toString());

        assertThat(status).isEqualTo(DashboardsCommand.OK);
        assertThat(this.out.toString(StandardCharsets.UTF_8))
                .isEqualTo("12 saved objects, 0 problems, against " + template + "\n");
    }

    @Test
    void checkReportsEachProblemAndExitsOne(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.json"), "{\"mappings\":{\"properties\":{"
                + "\"timestamp\":{\"type\":\"date\"},\"data\":{\"properties\":{\"integration\":{\"type\":"
                + "\"keyword\"}}}}}}");
        Path file = Files.writeString(dir.resolve("one.ndjson"), SavedObjectsNdjson.write(
                List.of(TcpwatchDashboards.savedObjects().get(7))));

        int status = run("check", "--template", template.toString(), "--file", file.toString());

        assertThat(status).isEqualTo(DashboardsCommand.SOME_REFUSED);
        assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("visualization "
                + "[tcpwatch-inbound-accepts-by-port]: aggregation [2] terms on [data.dstport]: the field is not in "
                + "the "
                + "index template\n"
                + "visualization [tcpwatch-inbound-accepts-by-port]: filter field [data.event] is not in the index "
                + "template\n"
                + "1 saved objects, 2 problems, against " + template + "\n");
    }

    @Test
    void checkWithoutTemplateExitsTwo() throws Exception {
        assertThat(run("check")).isEqualTo(DashboardsCommand.USAGE);
        assertThat(this.err.toString(StandardCharsets.UTF_8))
                .startsWith("error: check needs --template FILE (the alerts index template)\n");
    }

    private int run(String... args) throws InterruptedException, IOException {
        try (PrintStream o = new PrintStream(this.out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(this.err, true, StandardCharsets.UTF_8)) {
            return DashboardsCommand.run(args, o, e, Map.of());
        }
    }

}
