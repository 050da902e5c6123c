package io.tcpwatch.rules.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /** The places {@code %f} prints. */
    private static final int SCALE = 6;

    /** A JSON {@code null} among the values of {@link #readObject}. */
    private static final Object NULL = new Object();

    private JsonDecoder() {
    }

    static void decode(Event event, Decoder decoder, String input) {
        Map<String, Object> root;
        try (JsonParser parser = MAPPER.getFactory().createParser(input)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                // A first value that is not an object holds no fields.
                return;
            }
            root = readObject(parser);
        }
        catch (IOException ex) {
            // analysisd logs "Malformed JSON" and leaves the event with the decoder name only.
            return;
        }
        flatten(event, decoder, "", root);
    }

    /**
     * The object the parser stands at the start of, read whole before anything is stored (a malformed value
     * stores nothing), as a tree would hold it: keys in first-seen order, a repeated key keeping its place
     * with its last value. A value is a nested map, an array as a {@link JsonNode}, {@link #NULL}, or a
     * scalar already as Wazuh stores it.
     */
    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        String key;
        while ((key = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            Object value = switch (token) {
                case START_OBJECT -> readObject(parser);
                case START_ARRAY -> (JsonNode) MAPPER.readTree(parser);
                case VALUE_NULL -> NULL;
                case VALUE_STRING -> parser.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NUMBER_INT -> number(switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue().doubleValue();
                });
                case VALUE_NUMBER_FLOAT -> number(parser.getDoubleValue());
                default -> ((JsonNode) MAPPER.readTree(parser)).asText();
            };
            object.put(key, value);
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "expected the end of an object");
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Event event, Decoder decoder, String prefix, Map<String, Object> node) {
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> object) {
                flatten(event, decoder, key + ".", (Map<String, Object>) object);
            }
            else if (value == NULL) {
                if (decoder.jsonNull() != Decoder.JsonNull.DISCARD) {
                    fill(event, key, "null");
                }
            }
            else if (value instanceof JsonNode array) {
                fill(event, key, decoder.jsonArrayCsv() ? csv(array) : print(array, 1));
            }
            else {
                fill(event, key, (String) value);
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
            return number(value.doubleValue());
        }
        return value.asText();
    }

    /** A number as Wazuh stores it: an integer in int range as {@code %d}, any other as {@code %f}. */
    private static String number(double d) {
        if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
            return Integer.toString((int) d);
        }
        return sixDecimals(d);
    }

    /**
     * {@code String.format(Locale.ROOT, "%f", d)}, without the formatter for a finite {@code d}: the shortest
     * decimal of {@code d} rounded half-up to six places, keeping the sign of a negative value that rounds to
     * zero.
     */
    static String sixDecimals(double d) {
        if (!Double.isFinite(d)) {
            return String.format(Locale.ROOT, "%f", d);
        }
        String text = new BigDecimal(Double.toString(d)).setScale(SCALE, RoundingMode.HALF_UP).toPlainString();
        return d < 0 && text.charAt(0) != '-' ? "-" + text : text;
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
