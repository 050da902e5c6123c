package io.tcpwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tcpwatch.dashboards.check.SavedObjectsCheck;
import io.tcpwatch.dashboards.objects.SavedObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed import file: reproducible, well-formed, and consistent with the alerts index. */
class SavedObjectsFileTests {

    private static final Path FILE = AlertsIndexTemplate.moduleDir().resolve("generated")
            .resolve(SavedObjectsNdjson.FILE_NAME);

    @Test
    void committedFileEqualsWhatTheGeneratorProduces() throws IOException {
        String committed = Files.readString(FILE, StandardCharsets.UTF_8);

        String generated = SavedObjectsNdjson.write(TcpwatchDashboards.savedObjects());

        assertThat(committed).as("regenerate with: java -jar target/dashboards.jar generate generated/"
                + SavedObjectsNdjson.FILE_NAME).isEqualTo(generated);
    }

    @Test
    void everyLineIsOneJsonObject() throws IOException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        List<String> kinds = new ArrayList<>();

        for (String line : lines) {
            kinds.add(mapper.readTree(line).getNodeType().toString());
        }

        assertThat(kinds).hasSize(12).containsOnly("OBJECT");
    }

    @Test
    void fileHoldsTheVisualizationsSearchesAndDashboard() {
        List<String> ids = SavedObjectsNdjson.read(FILE).stream().map((o) -> o.type() + ":" + o.id()).toList();

        assertThat(ids).containsExactly("visualization:tcpwatch-connections-over-time",
                "visualization:tcpwatch-top-outbound-processes", "visualization:tcpwatch-top-destinations",
                "visualization:tcpwatch-destination-map", "visualization:tcpwatch-source-map",
                "visualization:tcpwatch-destination-countries", "visualization:tcpwatch-source-countries",
                "visualization:tcpwatch-inbound-accepts-by-port", "visualization:tcpwatch-tracer-health",
                "search:tcpwatch-all-events", "search:tcpwatch-recent-connections", "dashboard:tcpwatch-dashboard");
    }

    @Test
    void fileHasNoProblemAgainstItselfAndTheAlertsIndexTemplate() {
        SavedObjectsCheck check = new SavedObjectsCheck(Set.of(TcpwatchDashboards.INDEX_PATTERN_ID),
                AlertsIndexTemplate.fields());

        List<String> problems = check.problems(SavedObjectsNdjson.read(FILE));

        assertThat(problems).isEmpty();
    }

    @Test
    void everyObjectCarriesTheMigrationVersionOfOpenSearchDashboards2() {
        List<String> versions = SavedObjectsNdjson.read(FILE).stream()
                .map((o) -> o.type() + "=" + o.migrationVersion()).distinct().toList();

        assertThat(versions).containsExactlyInAnyOrder("visualization={visualization=7.10.0}",
                "search={search=7.9.3}", "dashboard={dashboard=7.9.3}");
    }

    @Test
    void everyVisualizationAndSearchKeepsOnlyTcpwatchAlerts() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> firstFilters = new ArrayList<>();

        for (SavedObject object : SavedObjectsNdjson.read(FILE)) {
            JsonNode source = mapper.readTree(object.attributes().path("kibanaSavedObjectMeta")
                    .path("searchSourceJSON").asText());
            firstFilters.add(source.path("filter").path(0).path("query").toString());
        }

        assertThat(firstFilters).hasSize(12).containsOnly("{\"match_phrase\":{\"data.integration\":\"tcpwatch\"}}");
    }

    @Test
    void dashboardPanelsDoNotOverlap() throws IOException {
        SavedObject dashboard = SavedObjectsNdjson.read(FILE).get(11);
        JsonNode panels = new ObjectMapper().readTree(dashboard.attributes().path("panelsJSON").asText());
        List<String> overlaps = new ArrayList<>();

        for (int a = 0; a < panels.size(); a++) {
            for (int b = a + 1; b < panels.size(); b++) {
                if (overlap(panels.get(a).path("gridData"), panels.get(b).path("gridData"))) {
                    overlaps.add(a + "/" + b);
                }
            }
        }

        assertThat(panels).hasSize(10);
        assertThat(overlaps).isEmpty();
    }

    @Test
    void dashboardPanelsCarryAVersionTheDashboardDoesNotMigrate() throws IOException {
        SavedObject dashboard = SavedObjectsNdjson.read(FILE).get(11);
        JsonNode panels = new ObjectMapper().readTree(dashboard.attributes().path("panelsJSON").asText());
        List<String> versions = new ArrayList<>();

        panels.forEach((panel) -> versions.add(panel.path("version").asText()));

        // The dashboard rewrites panels whose version is below 7.3 as semver.
        assertThat(versions).hasSize(10).containsOnly("7.10.0");
    }

    @Test
    void recentConnectionsShowProcessUserAddressesAndPorts() {
        SavedObject recent = SavedObjectsNdjson.read(FILE).get(10);

        List<String> columns = new ArrayList<>();
        recent.attributes().path("columns").forEach((column) -> columns.add(column.asText()));

        assertThat(recent.attributes().path("sort").toString()).isEqualTo("[[\"timestamp\",\"desc\"]]");
        assertThat(columns).containsExactly("agent.name", "data.event", "data.process.name", "data.process.user",
                "data.srcip", "data.srcport", "data.dstip", "data.dstport");
    }

    @Test
    void dashboardFiltersOnTcpwatchAndRestoresTheLastDay() throws IOException {
        SavedObject dashboard = SavedObjectsNdjson.read(FILE).get(11);
        JsonNode source = new ObjectMapper().readTree(dashboard.attributes().path("kibanaSavedObjectMeta")
                .path("searchSourceJSON").asText());

        assertThat(source.path("filter").toString()).contains("{\"match_phrase\":{\"data.integration\":\"tcpwatch\"}}");
        assertThat(Map.of("timeRestore", dashboard.attributes().path("timeRestore").asBoolean(),
                "timeFrom", dashboard.attributes().path("timeFrom").asText()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("timeRestore", true, "timeFrom", "now-24h"));
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }

}
