package io.tcpwatch.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Documents as Filebeat's wazuh module ships them: the alert JSON string in {@code message}, Filebeat's own fields
 * around it, and {@code fields.index_prefix}. The alerts carry tcpwatch events as the manager's json decoder
 * writes them (docs/event-schema.md): every key under {@code data}, numbers as strings.
 */
final class FilebeatEvents {

    static final String TIMESTAMP = "2026-12-04T15:30:00.123+0000";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FilebeatEvents() {
    }

    /** A tcpwatch connect or accept alert between two addresses. */
    static ObjectNode connection(String direction, String srcip, String dstip) {
        ObjectNode alert = alert(TIMESTAMP);
        ObjectNode data = alert.putObject("data");
        data.put("integration", "tcpwatch").put("schema", "1")
                .put("event", "outbound".equals(direction) ? "connect" : "accept")
                .put("direction", direction)
                .put("timestamp", "2026-12-04T15:30:00.123456Z")
                .put("srcip", srcip).put("srcport", "51234")
                .put("dstip", dstip).put("dstport", "443")
                .put("protocol", "tcp")
                .put("family", srcip.contains(":") ? "ipv6" : "ipv4");
        data.putObject("connection").put("id", "18446744072639");
        data.putObject("process").put("pid", "4242").put("name", "curl").put("comm", "curl")
                .put("exe", "/usr/bin/curl").put("user", "alice");
        return alert;
    }

    /** An alert with Wazuh's own fields and no {@code data}. */
    static ObjectNode alert(String timestamp) {
        ObjectNode alert = JSON.objectNode();
        if (timestamp != null) {
            alert.put("timestamp", timestamp);
        }
        alert.putObject("rule").put("level", 3).put("description", "tcpwatch: Outbound TCP connection.")
                .put("id", "100200").put("firedtimes", 1);
        alert.putObject("agent").put("id", "001").put("name", "web-1").put("ip", "10.0.0.5");
        alert.putObject("manager").put("name", "wazuh-manager");
        alert.put("id", "1764862200.12345");
        alert.putObject("decoder").put("name", "json");
        alert.put("location", "tcpwatch");
        return alert;
    }

    /** What Filebeat sends for one line of alerts.json. */
    static ObjectNode shipped(String message) {
        ObjectNode document = JSON.objectNode();
        document.put("@timestamp", "2026-12-04T15:30:01.000Z");
        document.put("message", message);
        document.putObject("fields").put("index_prefix", AlertsPipelineGenerator.INDEX_PREFIX);
        document.putObject("ecs").put("version", "1.6.0");
        document.putObject("host").put("name", "wazuh-manager");
        document.putObject("log").put("offset", 1234).putObject("file")
                .put("path", "/var/ossec/logs/alerts/alerts.json");
        document.putObject("input").put("type", "log");
        document.putObject("fileset").put("name", "alerts");
        document.putObject("service").put("type", "wazuh");
        document.putObject("event").put("module", "wazuh").put("dataset", "wazuh.alerts");
        document.putObject("agent").put("type", "filebeat").put("version", "7.10.2");
        return document;
    }

    static ObjectNode shipped(ObjectNode alert) {
        return shipped(JsonFiles.compact(alert));
    }

}
