package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdom2.Attribute;
import org.jdom2.Element;

import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.xml.WazuhXml;

/** Helpers shared by the decoder and rule readers: XML variables, element text, attribute parsing. */
final class XmlSupport {

    private XmlSupport() {
    }

    /**
     * Applies the file's {@code <var name="X">} definitions to every {@code $X} in element text and attribute
     * values, and removes the {@code <var>} elements. A variable name ends at {@code $ . | ,} or a space;
     * an unknown name is left as written, so {@code $(srcip)} in a description survives.
     */
    static void applyVariables(Element root, Path file, List<LoadMessage> messages) {
        Map<String, String> vars = new HashMap<>();
        for (Element var : List.copyOf(root.getChildren())) {
            if (var.getName().equalsIgnoreCase("var")) {
                String name = var.getAttributeValue("name");
                if (name == null || name.isBlank()) {
                    messages.add(LoadMessage.warning(file, WazuhXml.line(var), "var",
                            "variable without a [name] attribute is ignored"));
                }
                else {
                    vars.put(name, var.getText());
                }
                root.removeContent(var);
            }
        }
        if (!vars.isEmpty()) {
            expand(root, vars);
        }
    }

    private static void expand(Element element, Map<String, String> vars) {
        for (Attribute attribute : element.getAttributes()) {
            attribute.setValue(substitute(attribute.getValue(), vars));
        }
        if (element.getChildren().isEmpty()) {
            String text = element.getText();
            if (text.indexOf('$') >= 0) {
                element.setText(substitute(text, vars));
            }
        }
        for (Element child : element.getChildren()) {
            expand(child, vars);
        }
    }

    static String substitute(String text, Map<String, String> vars) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && "$.|, ".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String value = vars.get(text.substring(i + 1, end));
            if (value != null) {
                out.append(value);
                i = end;
            }
            else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The element name in lower case (os_xml compares most names case-insensitively). */
    static String name(Element element) {
        return element.getName().toLowerCase(Locale.ROOT);
    }

    /** The pattern type of a {@code type} attribute, or {@code fallback} when absent. */
    static PatternType patternType(String value, PatternType fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "osregex" -> PatternType.OSREGEX;
            case "osmatch" -> PatternType.OSMATCH;
            case "pcre2" -> PatternType.PCRE2;
            default -> null;
        };
    }

    /** Whether a {@code negate} attribute says yes. */
    static boolean negate(Element element) {
        String value = element.getAttributeValue("negate");
        return value != null && value.trim().equalsIgnoreCase("yes");
    }

    static int line(Element element) {
        return WazuhXml.line(element);
    }
}
