package io.tcpwatch.rules.engine;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tcpwatch.rules.ruleset.Decoder;
import io.tcpwatch.rules.ruleset.Rule;
import io.tcpwatch.rules.ruleset.StaticField;

/**
 * Builds the alert object as analysisd writes it to {@code alerts.json}, keys in Wazuh's order (§3.4).
 *
 * <p>This does NOT resolve MITRE tactic and technique names (Wazuh reads them from its MITRE database, which
 * is not part of the ruleset): {@code rule.mitre} holds the {@code id} array only.
 */
public final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            Locale.ROOT);

    private static final Pattern BSD_HOST = Pattern.compile(
            "^[A-Z][a-z][a-z] [ 0123][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] ([^ ]+)");

    private static final List<String> COMPLIANCE = List.of("pci_dss", "gpg13", "gdpr", "hipaa", "nist_800_53",
            "tsc", "cis");

    private AlertJson() {
    }

    /**
     * The alert object for {@code result}, or {@code null} when no rule matched.
     *
     * @param managerName {@code manager.name}, and {@code agent.name} for local events
     * @param zone the manager's time zone for {@code timestamp}
     * @param forLogtest whether to keep {@code rule.level} when it is 0, as wazuh-logtest does
     */
    public static ObjectNode build(Result result, String managerName, ZoneId zone, boolean forLogtest) {
        Rule rule = result.rule();
        if (rule == null) {
            return null;
        }
        Event event = result.event();
        ObjectNode root = NODES.objectNode();
        root.put("timestamp", TIMESTAMP.format(ZonedDateTime.ofInstant(result.time(), zone)));
        root.set("rule", rule(result, forLogtest));
        ObjectNode agent = root.putObject("agent");
        agent.put("id", event.agentId);
        agent.put("name", event.agentName != null ? event.agentName : managerName);
        if (event.agentIp != null) {
            agent.put("ip", event.agentIp);
        }
        root.putObject("manager").put("name", managerName);
        root.put("id", result.alertId() != null ? result.alertId()
                : result.time().getEpochSecond() + "." + (result.time().getNano() / 1000));
        if (!result.previousOutput().isEmpty()) {
            root.put("previous_output", String.join("\n", result.previousOutput()));
        }
        if (!rule.options().contains("no_full_log")) {
            root.put("full_log", event.fullLog);
        }
        ObjectNode predecoder = predecoder(event);
        if (!predecoder.isEmpty()) {
            root.set("predecoder", predecoder);
        }
        Decoder decoder = event.decoder;
        if (decoder != null) {
            ObjectNode node = root.putObject("decoder");
            if (decoder.accumulate()) {
                node.put("accumulate", 1);
            }
            if (decoder.parentName() != null) {
                node.put("parent", decoder.parentName());
            }
            node.put("name", decoder.reportedName());
            if (decoder.ftsComment() != null) {
                node.put("ftscomment", decoder.ftsComment());
            }
        }
        ObjectNode data = data(event);
        if (!data.isEmpty()) {
            root.set("data", data);
        }
        root.put("location", event.alertLocation());
        return root;
    }

    /** The alert as one {@code alerts.json} line. */
    public static String line(ObjectNode alert) {
        try {
            return MAPPER.writeValueAsString(alert);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Failed to write an alert", ex);
        }
    }

    private static ObjectNode rule(Result result, boolean forLogtest) {
        Rule rule = result.rule();
        ObjectNode node = NODES.objectNode();
        if (rule.level() > 0 || forLogtest) {
            node.put("level", rule.level());
        }
        node.put("description", result.description());
        node.put("id", Integer.toString(rule.id()));
        if (!rule.mitre().isEmpty()) {
            ArrayNode ids = node.putObject("mitre").putArray("id");
            rule.mitre().forEach(ids::add);
        }
        if (!rule.cve().isEmpty()) {
            node.put("cve", String.join("", rule.cve()));
        }
        if (rule.frequency() > 0) {
            node.put("frequency", rule.frequency());
        }
        if (!rule.options().contains("no_counter")) {
            node.put("firedtimes", result.firedTimes());
        }
        boolean mail = (rule.level() >= Session.MAIL_ALERT_LEVEL && !rule.options().contains("no_email_alert"))
                || rule.options().contains("alert_by_email");
        node.put("mail", mail);
        ArrayNode groups = NODES.arrayNode();
        Map<String, ArrayNode> compliance = new LinkedHashMap<>();
        for (String group : rule.groups()) {
            String prefix = compliancePrefix(group);
            if (prefix == null) {
                groups.add(group);
            }
            else {
                compliance.computeIfAbsent(prefix, p -> NODES.arrayNode()).add(group.substring(prefix.length() + 1));
            }
        }
        if (!groups.isEmpty()) {
            node.set("groups", groups);
        }
        compliance.forEach(node::set);
        return node;
    }

    private static String compliancePrefix(String group) {
        for (String prefix : COMPLIANCE) {
            if (group.startsWith(prefix + "_") && group.length() > prefix.length() + 1) {
                return prefix;
            }
        }
        return null;
    }

    /** The {@code predecoder} object: program name, timestamp, and the BSD-syslog hostname. */
    public static ObjectNode predecoder(Event event) {
        ObjectNode node = NODES.objectNode();
        if (event.programName != null) {
            node.put("program_name", event.programName);
        }
        if (event.timestamp != null) {
            node.put("timestamp", event.timestamp);
        }
        java.util.regex.Matcher m = BSD_HOST.matcher(event.fullLog);
        if (m.find()) {
            node.put("hostname", m.group(1));
        }
        return node;
    }

    /** The {@code data} object: static fields in Wazuh's order, then dynamic fields nested at the dots. */
    public static ObjectNode data(Event event) {
        ObjectNode data = NODES.objectNode();
        for (StaticField field : StaticField.values()) {
            String value = event.statics.get(field);
            if (value != null) {
                data.put(field.wazuhName(), value);
            }
        }
        for (String[] pair : event.dynamic) {
            addField(data, pair[0], pair[1]);
        }
        return data;
    }

    private static void addField(ObjectNode data, String key, String value) {
        String[] parts = key.split("\\.", -1);
        ObjectNode node = data;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                node = node.putObject(parts[i]);
            }
            else if (child.isObject()) {
                node = (ObjectNode) child;
            }
            else {
                return;
            }
        }
        String leaf = parts[parts.length - 1];
        if (node.has(leaf)) {
            return;
        }
        if (value.startsWith("[")) {
            try {
                JsonNode parsed = MAPPER.readTree(value);
                if (parsed != null && parsed.isArray()) {
                    node.set(leaf, parsed);
                    return;
                }
            }
            catch (JsonProcessingException ex) {
                // Not JSON: kept as the string it is, as Wazuh does.
            }
        }
        node.put(leaf, value);
    }
}
