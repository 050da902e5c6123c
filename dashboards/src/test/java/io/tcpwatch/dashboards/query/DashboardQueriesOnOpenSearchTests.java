package io.tcpwatch.dashboards.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.tcpwatch.dashboards.SavedObjectsNdjson;
import io.tcpwatch.dashboards.TcpwatchDashboards;
import io.tcpwatch.dashboards.check.IndexFields;
import io.tcpwatch.dashboards.check.SavedObjectsCheck;
import io.tcpwatch.dashboards.objects.Agg;
import io.tcpwatch.dashboards.objects.SavedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the query of every saved object of the committed import file on a real OpenSearch node that holds
 * the alerts of {@link TcpwatchAlerts}, indexed through the generated pipeline, and checks the buckets.
 * The expected rows are counted by hand from the list in {@link TcpwatchAlerts}; ties in a terms
 * aggregation are broken by the key, ascending.
 */
class DashboardQueriesOnOpenSearchTests {

    /** 10:00 to 11:00 UTC: an {@code auto} interval of five minutes. */
    static final TimeRange HOUR = new TimeRange(Instant.parse("2026-12-04T10:00:00Z"),
            Instant.parse("2026-12-04T11:00:00Z"));

    private static Map<String, SavedObject> objects;

    private static AlertsOnOpenSearch alerts;

    @BeforeAll
    static void indexAlerts() throws IOException {
        objects = SavedObjectsNdjson.read(SavedObjectsFile.path()).stream()
                .collect(Collectors.toMap(SavedObject::id, Function.identity()));
        alerts = AlertsOnOpenSearch.shared();
    }

    @Test
    void pipelineRoutesEveryAlertToTheDailyWazuhIndex() {
        assertThat(alerts.indices()).hasSize(TcpwatchAlerts.all().size())
                .containsOnly("wazuh-alerts-4.x-2026.12.04");
    }

    @Test
    void eventsOverTimeCountEachKindPerFiveMinutes() throws IOException {
        assertThat(rows("tcpwatch-connections-over-time")).containsExactly(
                List.of("2026-12-04T10:00:00.000Z", "close", "3"),
                List.of("2026-12-04T10:00:00.000Z", "connect", "3"),
                List.of("2026-12-04T10:00:00.000Z", "accept", "1"),
                List.of("2026-12-04T10:00:00.000Z", "health", "1"),
                List.of("2026-12-04T10:05:00.000Z", "close", "1"),
                List.of("2026-12-04T10:05:00.000Z", "connect", "1"),
                List.of("2026-12-04T10:10:00.000Z", "close", "1"),
                List.of("2026-12-04T10:10:00.000Z", "connect", "1"),
                List.of("2026-12-04T10:10:00.000Z", "health", "1"),
                List.of("2026-12-04T10:15:00.000Z", "close", "1"),
                List.of("2026-12-04T10:15:00.000Z", "connect", "1"),
                List.of("2026-12-04T10:20:00.000Z", "close", "3"),
                List.of("2026-12-04T10:20:00.000Z", "connect", "3"),
                List.of("2026-12-04T10:30:00.000Z", "accept", "4"),
                List.of("2026-12-04T10:30:00.000Z", "health", "1"));
    }

    @Test
    void topOutboundProcessesCountConnectsPerProcessAndExecutable() throws IOException {
        assertThat(rows("tcpwatch-top-outbound-processes")).containsExactly(
                List.of("curl", "/usr/bin/curl", "4"),
                List.of("python3", "/usr/bin/python3.11", "2"),
                List.of("wget", "/usr/bin/wget", "2"),
                List.of("systemd-resolved", "/usr/lib/systemd/systemd-resolved", "1"));
    }

    @Test
    void topDestinationsCountConnectsPerAddressAndPort() throws IOException {
        assertThat(rows("tcpwatch-top-destinations")).containsExactly(
                List.of("8.8.8.8", "443", "3"),
                List.of("10.0.0.9", "5432", "2"),
                List.of("89.160.20.128", "80", "2"),
                List.of("1.1.1.1", "443", "1"),
                List.of("2001:4860:4860::8888", "53", "1"));
    }

    @Test
    void destinationMapPlacesPublicDestinationsInTheirGeohashCells() throws IOException {
        // GeoLite2 (2019) places 8.8.8.8 and 2001:4860:4860::8888 at 37.751,-97.822 (9y), 89.160.20.128 at
        // 59.2,17.8167 (u6) and 1.1.1.1 at -33.494,143.2104 (r4); 10.0.0.9 is private and has no location.
        assertThat(rows("tcpwatch-destination-map")).containsExactlyInAnyOrder(
                List.of("9y", "4"),
                List.of("u6", "2"),
                List.of("r4", "1"));
    }

    @Test
    void sourceMapPlacesInboundPeersInTheirGeohashCells() throws IOException {
        // 81.2.69.142 is at 51.7095,-1.3614 (gc); 192.168.1.20 is private and has no location.
        assertThat(rows("tcpwatch-source-map")).containsExactlyInAnyOrder(
                List.of("gc", "2"),
                List.of("9y", "1"),
                List.of("u6", "1"));
    }

    @Test
    void everyAggregatedFieldIsMappedInTheRealIndexWithATypeItsAggregationAccepts() throws IOException {
        JsonNode mapping = alerts.node().json("GET", "/" + AlertsOnOpenSearch.PATTERN + "/_mapping", null);
        IndexFields fields = IndexFields.fromTemplate(mapping.elements().next(), "live mapping");
        List<SavedObject> all = List.copyOf(objects.values());

        List<String> problems = new SavedObjectsCheck(Set.of(TcpwatchDashboards.INDEX_PATTERN_ID), fields)
                .problems(all);
        List<String> unmapped = all.stream().filter((o) -> o.type().equals("visualization"))
                .flatMap((o) -> new VisualizationQuery(o).buckets().stream()).map(Agg::field)
                .filter((field) -> !fields.isMapped(field)).toList();

        assertThat(problems).isEmpty();
        assertThat(unmapped).isEmpty();
    }

    @Test
    void destinationCountriesCountPublicDestinationsOnly() throws IOException {
        assertThat(rows("tcpwatch-destination-countries")).containsExactly(
                List.of("United States", "4"),
                List.of("Sweden", "2"),
                List.of("Australia", "1"));
    }

    @Test
    void sourceCountriesCountInboundPeersOnly() throws IOException {
        assertThat(rows("tcpwatch-source-countries")).containsExactly(
                List.of("United Kingdom", "2"),
                List.of("Sweden", "1"),
                List.of("United States", "1"));
    }

    @Test
    void inboundAcceptsAreCountedPerLocalPort() throws IOException {
        assertThat(rows("tcpwatch-inbound-accepts-by-port")).containsExactly(
                List.of("22", "3"),
                List.of("443", "2"));
    }

    @Test
    void tracerHealthShowsEachAgentsNewestReport() throws IOException {
        assertThat(rows("tcpwatch-tracer-health")).containsExactly(
                List.of("web-1", "2", "3", "", "0.1.0"),
                List.of("db-1", "1", "0", "tp_btf/sys_exit", "0.1.0"));
    }

    @Test
    void recentConnectionsListTheNewestConnectsAndAcceptsFirst() throws IOException {
        assertThat(rows("tcpwatch-recent-connections", 3)).containsExactly(
                List.of("web-1", "accept", "nginx", "www-data", "192.168.1.20", "50034", "10.0.0.5", "443"),
                List.of("web-1", "accept", "nginx", "www-data", "8.8.8.8", "50033", "10.0.0.5", "443"),
                List.of("web-1", "accept", "sshd", "root", "89.160.20.128", "50032", "10.0.0.5", "22"));
    }

    @Test
    void allEventsFindsEveryTcpwatchAlertOfTheHourAndNoOther() throws IOException {
        JsonNode answer = alerts.search(new VisualizationQuery(objects.get("tcpwatch-all-events")), HOUR, 50);

        assertThat(answer.path("hits").path("total").path("value").asInt()).isEqualTo(9 + 9 + 5 + 3);
    }

    private static List<List<String>> rows(String id) throws IOException {
        return rows(id, 0);
    }

    private static List<List<String>> rows(String id, int hits) throws IOException {
        VisualizationQuery query = new VisualizationQuery(objects.get(id));
        return query.rows(alerts.search(query, HOUR, hits));
    }

}
