package io.tcpwatch.rules.lint;

import java.util.HashMap;
import java.util.Map;

/**
 * A file's {@code <var name="X">value</var>} definitions and their expansion of {@code $X}, as Wazuh's
 * os_xml applies them: a variable name ends at {@code $ . | ,}, a space or the end of the text. A
 * {@code $} not followed by a defined name stays as written.
 */
final class XmlVariables {

    private final Map<String, String> values = new HashMap<>();

    void define(String name, String value) {
        this.values.put(name, value);
    }

    String expand(String text) {
        if (text == null || text.indexOf('$') < 0 || this.values.isEmpty()) {
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
            String value = this.values.get(text.substring(i + 1, end));
            if (end > i + 1 && value != null) {
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
}
