package io.tcpwatch.rules.ini;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ruleset test file in Wazuh's {@code ruleset/testing} format, read the way its runner reads it (Python's
 * RawConfigParser with repeated keys joined by a newline, sections of the same name merged): {@code [title]}
 * sections with {@code log N pass|fail = <line>} keys and the expected {@code rule}, {@code alert} (level)
 * and {@code decoder}. Lines starting with {@code #} or {@code ;} are comments; an indented line continues the
 * previous value.
 */
public final class IniFile {

    /** One {@code log ...} key of a section: its lines run in one session, the last line's result counts. */
    public record LogCase(String name, boolean expectPass, List<String> lines, int line) {
    }

    /**
     * One section.
     *
     * @param rule expected rule id ({@code rule =}), empty when absent
     * @param alert expected level ({@code alert =}), empty when absent
     * @param decoder expected decoder name ({@code decoder =}), empty when absent
     */
    public record Section(String title, int line, String rule, String alert, String decoder, List<LogCase> logs) {
    }

    private final Path file;

    private final List<Section> sections;

    private IniFile(Path file, List<Section> sections) {
        this.file = file;
        this.sections = sections;
    }

    public Path file() {
        return this.file;
    }

    public List<Section> sections() {
        return this.sections;
    }

    /**
     * Reads a test file.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming file and line for a key outside a section or a line that is
     *     neither a section, a key nor a comment
     */
    public static IniFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Map<String, List<String>>> raw = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> keyLines = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        List<String> lastValue = null;
        String currentTitle = null;
        int number = 0;
        for (String raw0 : lines) {
            number++;
            String line = raw0.endsWith("\r") ? raw0.substring(0, raw0.length() - 1) : raw0;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                lastValue = null;
                continue;
            }
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastValue != null) {
                int last = lastValue.size() - 1;
                lastValue.set(last, lastValue.get(last) + "\n" + stripped);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                currentTitle = stripped.substring(1, stripped.length() - 1);
                current = raw.computeIfAbsent(currentTitle, t -> new LinkedHashMap<>());
                sectionLines.putIfAbsent(currentTitle, number);
                keyLines.computeIfAbsent(currentTitle, t -> new LinkedHashMap<>());
                lastValue = null;
                continue;
            }
            int eq = firstDelimiter(line);
            if (eq < 0) {
                throw new IllegalArgumentException(file + ":" + number + ": expected [section], key = value or a"
                        + " comment, found [" + stripped + "]");
            }
            if (current == null) {
                throw new IllegalArgumentException(file + ":" + number + ": key outside a section: [" + stripped
                        + "]");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            lastValue = current.computeIfAbsent(key, k -> new ArrayList<>());
            lastValue.add(value);
            keyLines.get(currentTitle).putIfAbsent(key, number);
        }
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> entry : raw.entrySet()) {
            Map<String, List<String>> keys = entry.getValue();
            List<LogCase> logs = new ArrayList<>();
            for (Map.Entry<String, List<String>> key : keys.entrySet()) {
                if (!key.getKey().startsWith("log ")) {
                    continue;
                }
                List<String> joined = new ArrayList<>();
                for (String value : key.getValue()) {
                    for (String part : value.split("\n", -1)) {
                        joined.add(part);
                    }
                }
                boolean pass = !key.getKey().endsWith("fail");
                logs.add(new LogCase(key.getKey(), pass, joined, keyLines.get(entry.getKey()).get(key.getKey())));
            }
            sections.add(new Section(entry.getKey(), sectionLines.get(entry.getKey()), joined(keys, "rule"),
                    joined(keys, "alert"), joined(keys, "decoder"), logs));
        }
        return new IniFile(file, sections);
    }

    private static String joined(Map<String, List<String>> keys, String key) {
        List<String> values = keys.get(key);
        return values == null ? "" : String.join("\n", values);
    }

    private static int firstDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }
}
