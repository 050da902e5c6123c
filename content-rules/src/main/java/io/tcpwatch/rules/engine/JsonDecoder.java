package io.tcpwatch.rules.engine;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tcpwatch.rules.ruleset.Decoder;
import io.tcpwatch.rules.ruleset.StaticField;

/**
 * Wazuh's JSON_Decoder plugin: flattens the first JSON value of the input with {@code .} between keys and
 * stores every leaf as a string, the way cJSON prints it. Trailing text after the value is ignored.
 */
final class JsonDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build());

    private JsonDecoder() {
    }

    static void decode(Event event, Decoder decoder, String input) {
        JsonNode root;
        try (JsonParser parser = MAPPER.getFactory().createParser(input)) {
            if (parser.nextToken() == null) {
                return;
            }
            root = MAPPER.readTree(parser);
        }
        catch (IOException ex) {
            // analysisd logs "Malformed JSON" and leaves the event with the decoder name only.
            return;
        }
        if (root == null || !root.isObject()) {
            return;
        }
        flatten(event, decoder, "", root);
    }

    private static void flatten(Event event, Decoder decoder, String prefix, JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(event, decoder, key + ".", value);
            }
            else if (value.isNull()) {
                if (decoder.jsonNull() != Decoder.JsonNull.DISCARD) {
                    fill(event, key, "null");
                }
            }
            else if (value.isArray()) {
                fill(event, key, decoder.jsonArrayCsv() ? csv(value) : print(value, 1));
            }
            else {
                fill(event, key, scalar(value));
            }
        }
    }

    private static void fill(Event event, String key, String value) {
        StaticField field = switch (key) {
            case "srcip" -> StaticField.SRCIP;
            case "dstip" -> StaticField.DSTIP;
            case "srcport" -> StaticField.SRCPORT;
            case "dstport" -> StaticField.DSTPORT;
            case "protocol" -> StaticField.PROTOCOL;
            case "action" -> StaticField.ACTION;
            case "srcuser" -> StaticField.SRCUSER;
            case "dstuser" -> StaticField.DSTUSER;
            case "id" -> StaticField.ID;
            case "status" -> StaticField.STATUS;
            case "url" -> StaticField.URL;
            case "data" -> StaticField.DATA;
            case "extra_data" -> StaticField.EXTRA_DATA;
            case "systemname" -> StaticField.SYSTEM_NAME;
            case "user" -> event.get(StaticField.DSTUSER) == null ? StaticField.DSTUSER : null;
            default -> null;
        };
        if (field != null) {
            event.set(field, value);
        }
        else if (event.dynamic.size() < DecodeEngine.MAX_FIELDS) {
            event.addDynamic(key, value);
        }
    }

    /** A scalar as Wazuh stores it: integers in int range as {@code %d}, other numbers as {@code %f}. */
    static String scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return Integer.toString((int) d);
            }
            return String.format(Locale.ROOT, "%f", d);
        }
        return value.asText();
    }

    private static String csv(JsonNode array) {
        StringBuilder out = new StringBuilder();
        for (JsonNode element : array) {
            if (element.isObject() || element.isArray()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(element.isNull() ? "null" : scalar(element));
        }
        return out.toString();
    }

    /** cJSON_Print's formatted output, used for arrays in the default array structure. */
    static String print(JsonNode node, int depth) {
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            boolean first = true;
            for (JsonNode element : node) {
                if (!first) {
                    out.append(", ");
                }
                out.append(print(element, depth));
                first = false;
            }
            return out.append(']').toString();
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "{\n" + "\t".repeat(depth - 1) + "}";
            }
            StringBuilder out = new StringBuilder("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                out.append("\t".repeat(depth)).append(quote(entry.getKey())).append(":\t")
                        .append(print(entry.getValue(), depth + 1));
                if (fields.hasNext()) {
                    out.append(',');
                }
                out.append('\n');
            }
            return out.append("\t".repeat(depth - 1)).append('}').toString();
        }
        if (node.isTextual()) {
            return quote(node.textValue());
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1.0e15) {
                return Long.toString((long) d);
            }
            String g = String.format(Locale.ROOT, "%1.15g", d);
            return Double.parseDouble(g) == d ? trimG(g) : trimG(String.format(Locale.ROOT, "%1.17g", d));
        }
        return node.asText();
    }

    private static String trimG(String g) {
        if (g.contains("e") || !g.contains(".")) {
            return g;
        }
        String t = g.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Failed to quote a JSON string", ex);
        }
    }
}
