package io.tcpwatch.rules.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Formats a result as wazuh-logtest prints it: the three phases, field lines starting with a tab. */
public final class LogtestOutput {

    private LogtestOutput() {
    }

    /**
     * The text for one processed line.
     *
     * @param alert the alert object of {@link AlertJson#build}, or {@code null} when no rule matched
     */
    public static String format(Result result, ObjectNode alert) {
        Event event = result.event();
        StringBuilder out = new StringBuilder();
        out.append("**Phase 1: Completed pre-decoding.\n");
        out.append("\tfull event: '").append(event.fullLog).append("'\n");
        ObjectNode predecoder = AlertJson.predecoder(event);
        for (String key : List.of("timestamp", "hostname", "program_name")) {
            if (predecoder.has(key)) {
                out.append('\t').append(key).append(": '").append(predecoder.get(key).asText()).append("'\n");
            }
        }
        out.append("\n**Phase 2: Completed decoding.\n");
        if (event.decoder == null) {
            out.append("\tNo decoder matched.\n");
        }
        else {
            out.append("\tname: '").append(event.decoder.reportedName()).append("'\n");
            if (event.decoder.parentName() != null) {
                out.append("\tparent: '").append(event.decoder.parentName()).append("'\n");
            }
            Map<String, String> fields = new TreeMap<>();
            flatten("", AlertJson.data(event), fields);
            fields.forEach((k, v) -> out.append('\t').append(k).append(": '").append(v).append("'\n"));
        }
        if (alert != null) {
            JsonNode rule = alert.get("rule");
            out.append("\n**Phase 3: Completed filtering (rules).\n");
            List<String> first = List.of("id", "level", "description", "groups", "firedtimes");
            for (String key : first) {
                if (rule.has(key)) {
                    out.append('\t').append(key).append(": '").append(text(rule.get(key))).append("'\n");
                }
            }
            Map<String, String> rest = new TreeMap<>();
            Iterator<String> names = rule.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!first.contains(name)) {
                    rest.put(name, text(rule.get(name)));
                }
            }
            rest.forEach((k, v) -> out.append('\t').append(k).append(": '").append(v).append("'\n"));
            if (result.alert()) {
                out.append("**Alert to be generated.\n");
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add("'" + n.asText() + "'"));
            return "[" + String.join(", ", items) + "]";
        }
        if (node.isObject()) {
            return node.toString();
        }
        return node.asText();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = prefix + entry.getKey();
            if (entry.getValue().isObject()) {
                flatten(key + ".", entry.getValue(), out);
            }
            else {
                out.put(key, entry.getValue().isTextual() ? entry.getValue().textValue() : entry.getValue().toString());
            }
        }
    }
}
