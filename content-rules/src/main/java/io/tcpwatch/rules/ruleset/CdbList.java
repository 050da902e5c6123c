package io.tcpwatch.rules.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CDB list, read from its text source ({@code key:value} per line, as shipped in {@code ruleset/lists}).
 * A key may be quoted with {@code "} to contain a colon; a line without a colon is a key with an empty
 * value.
 */
public final class CdbList {

    private final String name;

    private final Path source;

    private final Map<String, String> entries;

    private CdbList(String name, Path source, Map<String, String> entries) {
        this.name = name;
        this.source = source;
        this.entries = entries;
    }

    /**
     * Reads a list source.
     *
     * @param name the path rules use to name the list, for example {@code etc/lists/audit-keys}
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming file and line of an unterminated quoted key
     */
    public static CdbList read(String name, Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.ISO_8859_1);
        Map<String, String> entries = new HashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty()) {
                continue;
            }
            String key;
            String value;
            if (line.startsWith("\"")) {
                int close = line.indexOf('"', 1);
                if (close < 0) {
                    throw new IllegalArgumentException(source + ":" + number + ": quoted key is not closed");
                }
                key = line.substring(1, close);
                String rest = line.substring(close + 1);
                value = rest.startsWith(":") ? unquote(rest.substring(1)) : "";
            }
            else {
                int colon = line.indexOf(':');
                key = colon < 0 ? line : line.substring(0, colon);
                value = colon < 0 ? "" : unquote(line.substring(colon + 1));
            }
            entries.putIfAbsent(key, value);
        }
        return new CdbList(name, source, entries);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The name rules use, for example {@code etc/lists/audit-keys}. */
    public String name() {
        return this.name;
    }

    public Path source() {
        return this.source;
    }

    public int size() {
        return this.entries.size();
    }

    /** The value stored for {@code key}, or {@code null} when the key is absent. */
    public String get(String key) {
        return this.entries.get(key);
    }

    /**
     * The value for an address key: the whole address first, then ever shorter dotted prefixes, each tried
     * with and without its trailing dot ({@code 10.1.2.3}, {@code 10.1.2.}, {@code 10.1.2}, {@code 10.1.}, ...),
     * so both spellings of a network key in a list source match.
     */
    public String getAddress(String address) {
        String value = this.entries.get(address);
        String key = address;
        while (value == null) {
            int dot = key.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            value = this.entries.get(key.substring(0, dot + 1));
            key = key.substring(0, dot);
            if (value == null) {
                value = this.entries.get(key);
            }
        }
        return value;
    }
}
