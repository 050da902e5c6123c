package io.tcpwatch.dashboards;

import io.tcpwatch.dashboards.objects.Agg;
import io.tcpwatch.dashboards.objects.Dashboard;
import io.tcpwatch.dashboards.objects.Dashboard.Panel;
import io.tcpwatch.dashboards.objects.Filter;
import io.tcpwatch.dashboards.objects.SavedObject;
import io.tcpwatch.dashboards.objects.SavedSearch;
import io.tcpwatch.dashboards.objects.SearchSource;
import io.tcpwatch.dashboards.objects.VisParams;
import io.tcpwatch.dashboards.objects.Visualization;

import java.util.ArrayList;
import java.util.List;

/**
 * The tcpwatch saved objects for the Wazuh dashboard: the visualizations, the two saved searches and
 * the dashboard that lays them out. Every object reads the {@code wazuh-alerts-*} index pattern the
 * Wazuh dashboard creates, and keeps only tcpwatch alerts ({@code data.integration: tcpwatch}).
 *
 * <p>Counting rules: an outbound connection produces a {@code connect} and a {@code close} event, an
 * inbound one an {@code accept} and a {@code close}; so the connection counts filter on
 * {@code connect} (outbound) or {@code accept} (inbound) and never count a connection twice.
 */
public final class TcpwatchDashboards {

    /** The id (and title) of the index pattern the Wazuh dashboard creates for alerts. */
    public static final String INDEX_PATTERN_ID = "wazuh-alerts-*";

    /** The id of the dashboard. */
    public static final String DASHBOARD_ID = "tcpwatch-dashboard";

    private static final Filter TCPWATCH = Filter.phrase("data.integration", "tcpwatch");

    private static final Filter CONNECT = Filter.phrase("data.event", "connect");

    private static final Filter OUTBOUND = Filter.phrase("data.direction", "outbound");

    private static final Filter ACCEPT = Filter.phrase("data.event", "accept");

    private static final Filter INBOUND = Filter.phrase("data.direction", "inbound");

    private static final String COUNT = "1";

    private TcpwatchDashboards() {
    }

    /** Connections over time, one bar segment per event kind. */
    static Visualization connectionsOverTime() {
        return new Visualization("tcpwatch-connections-over-time", "tcpwatch: Events over time by kind",
                "tcpwatch events per time interval, split by event kind (connect, accept, close, health).",
                "histogram", VisParams.verticalBars("Events", "stacked"),
                List.of(Agg.count(COUNT), Agg.dateHistogram("2", "segment"),
                        Agg.terms("3", "group", "data.event", 5, COUNT, "Event")),
                source());
    }

    /** The processes, and their executables, that open outbound connections. */
    static Visualization topOutboundProcesses() {
        return new Visualization("tcpwatch-top-outbound-processes", "tcpwatch: Top processes connecting out",
                "Outbound connections per process name and executable.",
                "table", VisParams.table(10),
                List.of(Agg.count(COUNT), Agg.terms("2", "bucket", "data.process.name", 10, COUNT, "Process"),
                        Agg.terms("3", "bucket", "data.process.exe", 5, COUNT, "Executable")),
                source(CONNECT, OUTBOUND));
    }

    /** The destinations of outbound connections. */
    static Visualization topDestinations() {
        return new Visualization("tcpwatch-top-destinations", "tcpwatch: Top destinations",
                "Outbound connections per destination address and port.",
                "table", VisParams.table(10),
                List.of(Agg.count(COUNT), Agg.terms("2", "bucket", "data.dstip", 10, COUNT, "Destination"),
                        Agg.terms("3", "bucket", "data.dstport", 5, COUNT, "Port")),
                source(CONNECT, OUTBOUND));
    }

    /** Where outbound connections go, on a map. */
    static Visualization destinationMap() {
        return new Visualization("tcpwatch-destination-map", "tcpwatch: Outbound destinations map",
                "Outbound connections placed at the destination's location (GeoLocationDst).",
                "tile_map", VisParams.coordinateMap(),
                List.of(Agg.count(COUNT), Agg.geohashGrid("2", "GeoLocationDst.location", 2)),
                source(CONNECT, OUTBOUND));
    }

    /** Where inbound connections come from, on a map. */
    static Visualization sourceMap() {
        return new Visualization("tcpwatch-source-map", "tcpwatch: Inbound sources map",
                "Accepted inbound connections placed at the peer's location (GeoLocation).",
                "tile_map", VisParams.coordinateMap(),
                List.of(Agg.count(COUNT), Agg.geohashGrid("2", "GeoLocation.location", 2)),
                source(ACCEPT, INBOUND));
    }

    /** The countries outbound connections go to. */
    static Visualization destinationCountries() {
        return new Visualization("tcpwatch-destination-countries", "tcpwatch: Top destination countries",
                "Outbound connections per destination country.",
                "pie", VisParams.donut(),
                List.of(Agg.count(COUNT),
                        Agg.terms("2", "segment", "GeoLocationDst.country_name", 10, COUNT, "Country")),
                source(CONNECT, OUTBOUND));
    }

    /** The countries inbound connections come from. */
    static Visualization sourceCountries() {
        return new Visualization("tcpwatch-source-countries", "tcpwatch: Top inbound source countries",
                "Accepted inbound connections per source country.",
                "pie", VisParams.donut(),
                List.of(Agg.count(COUNT), Agg.terms("2", "segment", "GeoLocation.country_name", 10, COUNT, "Country")),
                source(ACCEPT, INBOUND));
    }

    /** The local ports that accept inbound connections. */
    static Visualization inboundAcceptsByPort() {
        return new Visualization("tcpwatch-inbound-accepts-by-port", "tcpwatch: Inbound accepts by local port",
                "Accepted inbound connections per local (destination) port.",
                "histogram", VisParams.verticalBars("Accepts", "normal"),
                List.of(Agg.count(COUNT), Agg.terms("2", "segment", "data.dstport", 10, COUNT, "Local port")),
                source(ACCEPT));
    }

    /** The tracer's own health, per agent, from its newest health event. */
    static Visualization tracerHealth() {
        return new Visualization("tcpwatch-tracer-health", "tcpwatch: Tracer health",
                "Per agent, from its newest health event: events lost since start, kernel hooks missing and "
                        + "the tracer version; plus the number of health events in the time range.",
                "table", VisParams.table(10),
                List.of(Agg.count(COUNT),
                        Agg.latestValue("2", "data.tracer.events_lost", "Events lost"),
                        Agg.latestValue("3", "data.tracer.hooks_missing", "Hooks missing"),
                        Agg.latestValue("4", "data.tracer.version", "Tracer version"),
                        Agg.terms("5", "bucket", "agent.name", 20, COUNT, "Agent")),
                source(Filter.phrase("data.event", "health")));
    }

    /** Every tcpwatch event. */
    static SavedSearch allEvents() {
        return new SavedSearch("tcpwatch-all-events", "tcpwatch: All events",
                "Every tcpwatch alert, newest first.",
                List.of("agent.name", "data.event", "data.direction", "data.process.name", "data.srcip",
                        "data.dstip", "data.dstport", "rule.description"),
                source());
    }

    /** Connections as they open, newest first. */
    static SavedSearch recentConnections() {
        return new SavedSearch("tcpwatch-recent-connections", "tcpwatch: Recent connections",
                "Connections as they open (connect and accept events), newest first.",
                List.of("agent.name", "data.event", "data.process.name", "data.process.user", "data.srcip",
                        "data.srcport", "data.dstip", "data.dstport"),
                source(Filter.phrases("data.event", "connect", "accept")));
    }

    /**
     * Every saved object, in the order of the import file: the objects first, the dashboard that
     * refers to them last.
     *
     * @return the saved objects
     */
    public static List<SavedObject> savedObjects() {
        SavedObject overTime = connectionsOverTime().toSavedObject();
        SavedObject processes = topOutboundProcesses().toSavedObject();
        SavedObject destinations = topDestinations().toSavedObject();
        SavedObject destinationMap = destinationMap().toSavedObject();
        SavedObject sourceMap = sourceMap().toSavedObject();
        SavedObject destinationCountries = destinationCountries().toSavedObject();
        SavedObject sourceCountries = sourceCountries().toSavedObject();
        SavedObject acceptsByPort = inboundAcceptsByPort().toSavedObject();
        SavedObject health = tracerHealth().toSavedObject();
        SavedObject allEvents = allEvents().toSavedObject();
        SavedObject recent = recentConnections().toSavedObject();
        Dashboard dashboard = new Dashboard(DASHBOARD_ID, "tcpwatch: TCP connections",
                "TCP connections seen by the tcpwatch kernel tracer, from the Wazuh alerts index.",
                List.of(new Panel(overTime, 0, 0, 48, 12),
                        new Panel(processes, 0, 12, 24, 14), new Panel(destinations, 24, 12, 24, 14),
                        new Panel(destinationMap, 0, 26, 24, 16), new Panel(sourceMap, 24, 26, 24, 16),
                        new Panel(destinationCountries, 0, 42, 16, 13), new Panel(sourceCountries, 16, 42, 16, 13),
                        new Panel(acceptsByPort, 32, 42, 16, 13),
                        new Panel(health, 0, 55, 48, 9),
                        new Panel(recent, 0, 64, 48, 16)),
                SearchSource.filtersOnly(INDEX_PATTERN_ID, List.of(TCPWATCH)));
        List<SavedObject> objects = new ArrayList<>(List.of(overTime, processes, destinations, destinationMap,
                sourceMap, destinationCountries, sourceCountries, acceptsByPort, health, allEvents, recent));
        objects.add(dashboard.toSavedObject());
        return objects;
    }

    private static SearchSource source(Filter... filters) {
        List<Filter> all = new ArrayList<>();
        all.add(TCPWATCH);
        all.addAll(List.of(filters));
        return SearchSource.onIndex(INDEX_PATTERN_ID, all);
    }

}
