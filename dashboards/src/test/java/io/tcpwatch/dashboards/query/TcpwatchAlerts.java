package io.tcpwatch.dashboards.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alerts the dashboard tests index: Wazuh {@code alerts.json} lines as the manager writes them for
 * tcpwatch events (the JSON decoder puts every event key under {@code data} and writes every value as a
 * string), on 2026-12-04 between 10:00 and 10:35 UTC, plus one alert of another integration and one
 * outbound connection (connect and close) at 09:00, outside the tests' time range.
 *
 * <p>What is in it (the tests' expectations are counted from this list by hand):
 * <ul>
 *   <li>9 outbound connects, each followed one second later by its close: curl to 8.8.8.8:443 (3) and
 *       1.1.1.1:443 (1); wget to 89.160.20.128:80 (2); systemd-resolved to 2001:4860:4860::8888:53 (1),
 *       all on agent web-1; python3 to 10.0.0.9:5432 (2) on agent db-1;</li>
 *   <li>5 inbound accepts on web-1: sshd from 81.2.69.142 (2) and 89.160.20.128 (1) on port 22; nginx
 *       from 8.8.8.8 and 192.168.1.20 on port 443;</li>
 *   <li>3 health events: web-1 at 10:00 (0 lost) and 10:30 (3 lost), db-1 at 10:10 (0 lost, hook
 *       tp_btf/sys_exit missing).</li>
 * </ul>
 */
final class TcpwatchAlerts {

    /** The day of the alerts. */
    static final String DAY = "2026-12-04";

    private static final DateTimeFormatter WAZUH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tcpwatch rules of content-rules (0990-tcpwatch_rules.xml) that match each event kind. */
    private static final Map<String, String> RULES = Map.of("connect", "110010", "accept", "110011",
            "close", "110012", "health", "110013");

    private final List<ObjectNode> alerts = new ArrayList<>();

    private int sequence;

    private TcpwatchAlerts() {
    }

    /** @return the alerts, in time order */
    static List<ObjectNode> all() {
        TcpwatchAlerts fixture = new TcpwatchAlerts();
        fixture.health("web-1", "10:00:00", 0, "");
        fixture.outbound("web-1", "10:01:00", "curl", "/usr/bin/curl", "alice", "8.8.8.8", 443);
        fixture.outbound("web-1", "10:02:00", "curl", "/usr/bin/curl", "alice", "8.8.8.8", 443);
        fixture.outbound("web-1", "10:03:00", "wget", "/usr/bin/wget", "alice", "89.160.20.128", 80);
        fixture.inbound("web-1", "10:04:00", "sshd", "/usr/sbin/sshd", "root", "81.2.69.142", 50004, 22);
        fixture.otherIntegration("web-1", "10:05:00", "81.2.69.142");
        fixture.outbound("web-1", "10:07:00", "curl", "/usr/bin/curl", "alice", "8.8.8.8", 443);
        fixture.health("db-1", "10:10:00", 0, "tp_btf/sys_exit");
        fixture.outbound("web-1", "10:12:00", "curl", "/usr/bin/curl", "alice", "1.1.1.1", 443);
        fixture.outbound("web-1", "10:16:00", "wget", "/usr/bin/wget", "alice", "89.160.20.128", 80);
        fixture.outbound("web-1", "10:21:00", "systemd-resolved", "/usr/lib/systemd/systemd-resolved",
                "systemd-resolve", "2001:4860:4860::8888", 53);
        fixture.outbound("db-1", "10:22:00", "python3", "/usr/bin/python3.11", "bob", "10.0.0.9", 5432);
        fixture.outbound("db-1", "10:23:00", "python3", "/usr/bin/python3.11", "bob", "10.0.0.9", 5432);
        fixture.health("web-1", "10:30:00", 3, "");
        fixture.inbound("web-1", "10:31:00", "sshd", "/usr/sbin/sshd", "root", "81.2.69.142", 50031, 22);
        fixture.inbound("web-1", "10:32:00", "sshd", "/usr/sbin/sshd", "root", "89.160.20.128", 50032, 22);
        fixture.inbound("web-1", "10:33:00", "nginx", "/usr/sbin/nginx", "www-data", "8.8.8.8", 50033, 443);
        fixture.inbound("web-1", "10:34:00", "nginx", "/usr/sbin/nginx", "www-data", "192.168.1.20", 50034,
                443);
        fixture.outboundAt("web-1", DAY + "T09:00:00Z", "curl", "/usr/bin/curl", "alice", "8.8.8.8", 443);
        return List.copyOf(fixture.alerts);
    }

    private void outbound(String agent, String time, String process, String exe, String user, String dstip,
            int dstport) {
        outboundAt(agent, DAY + "T" + time + "Z", process, exe, user, dstip, dstport);
    }

    private void outboundAt(String agent, String at, String process, String exe, String user, String dstip,
            int dstport) {
        Instant time = Instant.parse(at);
        String srcip = dstip.contains(":") ? "2001:db8::5" : "10.0.0.5";
        int srcport = 40000 + this.sequence;
        ObjectNode connect = connection(agent, time, "connect", "outbound", srcip, srcport, dstip, dstport);
        process(connect, process, exe, user);
        ObjectNode close = connection(agent, time.plusSeconds(1), "close", "outbound", srcip, srcport, dstip, dstport);
        process(close, process, exe, user);
        ((ObjectNode) close.get("data").get("connection")).put("duration_ms", "1000.000").put("bytes_sent", "517")
                .put("bytes_received", "4096");
    }

    private void inbound(String agent, String time, String process, String exe, String user, String srcip,
            int srcport, int dstport) {
        ObjectNode accept = connection(agent, Instant.parse(DAY + "T" + time + "Z"), "accept", "inbound", srcip,
                srcport, "10.0.0.5", dstport);
        process(accept, process, exe, user);
    }

    private ObjectNode connection(String agent, Instant time, String event, String direction, String srcip,
            int srcport, String dstip, int dstport) {
        String description = switch (event) {
            case "connect" -> "tcpwatch: Outbound connection from %s to %s port %d.".formatted("%p", dstip, dstport);
            case "accept" -> "tcpwatch: Inbound connection from %s accepted by %s on port %d.".formatted(srcip, "%p",
                    dstport);
            default -> "tcpwatch: Connection from %s to %s port %d closed.".formatted(srcip, dstip, dstport);
        };
        ObjectNode alert = alert(agent, time, RULES.get(event), description, event);
        ObjectNode data = tcpwatchData(alert, time, event);
        data.put("direction", direction);
        data.put("srcip", srcip);
        data.put("srcport", Integer.toString(srcport));
        data.put("dstip", dstip);
        data.put("dstport", Integer.toString(dstport));
        data.put("protocol", "tcp");
        data.put("family", dstip.contains(":") ? "ipv6" : "ipv4");
        data.putObject("connection").put("id", Long.toString(18446744072000L + this.sequence));
        return alert;
    }

    private static void process(ObjectNode alert, String name, String exe, String user) {
        ObjectNode rule = (ObjectNode) alert.get("rule");
        rule.put("description", rule.get("description").asText().replace("%p", name));
        ObjectNode process = ((ObjectNode) alert.get("data")).putObject("process");
        process.put("pid", "4242");
        process.put("tid", "4242");
        process.put("ppid", "1");
        process.put("name", name);
        process.put("comm", name.length() > 15 ? name.substring(0, 15) : name);
        process.put("exe", exe);
        process.put("uid", "1000");
        process.put("gid", "1000");
        process.put("user", user);
    }

    private void health(String agent, String time, int eventsLost, String hooksMissing) {
        Instant at = Instant.parse(DAY + "T" + time + "Z");
        ObjectNode alert = alert(agent, at, RULES.get("health"),
                "tcpwatch: Tracer 0.1.0 health report, 1520 events sent.", "health");
        ObjectNode tracer = tcpwatchData(alert, at, "health").putObject("tracer");
        tracer.put("hooks", "tp_btf/inet_sock_set_state,tp_btf/sys_exit");
        tracer.put("hooks_missing", hooksMissing);
        tracer.put("events_lost", Integer.toString(eventsLost));
        tracer.put("ring_buffer_drops", Integer.toString(eventsLost));
        tracer.put("events_sent", "1520");
        tracer.put("version", "0.1.0");
    }

    private void otherIntegration(String agent, String time, String srcip) {
        ObjectNode alert = alert(agent, Instant.parse(DAY + "T" + time + "Z"), "5716", "sshd: authentication failed.",
                "authentication_failed");
        ((ObjectNode) alert.get("rule")).put("level", 5);
        ((ArrayNode) alert.get("rule").get("groups")).removeAll().add("syslog").add("sshd")
                .add("authentication_failed");
        alert.putObject("data").put("srcip", srcip).put("srcport", "40022").put("dstuser", "root");
        alert.put("location", "/var/log/auth.log");
        ((ObjectNode) alert.get("decoder")).put("name", "sshd");
    }

    private static ObjectNode tcpwatchData(ObjectNode alert, Instant time, String event) {
        ObjectNode data = alert.putObject("data");
        data.put("integration", "tcpwatch");
        data.put("schema", "1");
        data.put("event", event);
        data.put("timestamp", time.toString());
        return data;
    }

    private ObjectNode alert(String agent, Instant time, String ruleId, String description, String group) {
        this.sequence++;
        ObjectNode alert = JSON.createObjectNode();
        alert.put("timestamp", WAZUH_TIME.format(time));
        ObjectNode rule = alert.putObject("rule");
        rule.put("level", 3);
        rule.put("description", description);
        rule.put("id", ruleId);
        ArrayNode groups = rule.putArray("groups").add("tcpwatch");
        if (group.equals("health")) {
            groups.add("health");
        }
        else {
            groups.add("connection").add(group);
        }
        alert.putObject("agent").put("id", agent.equals("web-1") ? "001" : "002").put("name", agent);
        alert.putObject("manager").put("name", "wazuh-manager");
        alert.put("id", time.getEpochSecond() + "." + this.sequence);
        alert.putObject("decoder").put("name", "json");
        alert.put("location", "tcpwatch");
        this.alerts.add(alert);
        return alert;
    }

}
