package io.tcpwatch.rules.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tcpwatch.rules.ruleset.Decoder;
import io.tcpwatch.rules.ruleset.StaticField;

/**
 * One log line as analysisd sees it after pre-decoding and decoding: the pre-decoder's values, the
 * decoder that matched, and the extracted fields (static members and the ordered dynamic list). Every value
 * is a string, as in Wazuh.
 */
public final class Event {

    /** From this many dynamic fields on, lookups go through a hash index. */
    private static final int INDEX_THRESHOLD = 8;

    String location;

    String agentId = "000";

    String agentName;

    String agentIp;

    String fullLog;

    String log;

    String timestamp;

    String syslogHostname;

    String hostname;

    String programName;

    Decoder decoder;

    int afterParent = -1;

    int afterPrematch = -1;

    final Map<StaticField, String> statics = new EnumMap<>(StaticField.class);

    final List<String[]> dynamic = new ArrayList<>();

    /** First value per lowercased key, built on the first lookup once decoding is over. */
    private Map<String, String> fieldIndex;

    long epochSecond;

    /** The location as analysisd keeps it: {@code (name) ip->path} for agent events, else as received. */
    public String location() {
        return this.location;
    }

    /** The location as written into the alert: the path after {@code ->} for agent events. */
    public String alertLocation() {
        if (this.location != null && this.location.startsWith("(")) {
            int arrow = this.location.indexOf("->");
            return arrow >= 0 ? this.location.substring(arrow + 2) : this.location;
        }
        return this.location;
    }

    public String agentId() {
        return this.agentId;
    }

    /** The agent name from an agent location, or {@code null} for local events. */
    public String agentName() {
        return this.agentName;
    }

    /** The agent IP from an agent location, or {@code null} when absent or {@code any}. */
    public String agentIp() {
        return this.agentIp;
    }

    public String fullLog() {
        return this.fullLog;
    }

    /** The message after the syslog header, which {@code <match>} and {@code <regex>} read. */
    public String log() {
        return this.log;
    }

    /** The raw timestamp text the pre-decoder recognised, or {@code null}. */
    public String timestamp() {
        return this.timestamp;
    }

    /** The syslog header's hostname, or {@code null}. */
    public String syslogHostname() {
        return this.syslogHostname;
    }

    /** The hostname rules see: the agent name, else the syslog hostname, else the manager's name. */
    public String hostname() {
        return this.hostname;
    }

    public String programName() {
        return this.programName;
    }

    /** The decoder that matched, or {@code null}. */
    public Decoder decoder() {
        return this.decoder;
    }

    /** The value of a static field, or {@code null}. */
    public String get(StaticField field) {
        return this.statics.get(field);
    }

    /** Dynamic fields in extraction order as {key, value}; a key may repeat. */
    public List<String[]> dynamicFields() {
        return this.dynamic;
    }

    /** The first dynamic field named {@code key} (case-insensitive), or {@code null}: Wazuh's FindField. */
    public String field(String key) {
        if (this.dynamic.size() < INDEX_THRESHOLD) {
            for (String[] pair : this.dynamic) {
                if (pair[0].equalsIgnoreCase(key)) {
                    return pair[1];
                }
            }
            return null;
        }
        if (this.fieldIndex == null) {
            Map<String, String> index = new HashMap<>();
            for (String[] pair : this.dynamic) {
                index.putIfAbsent(pair[0].toLowerCase(Locale.ROOT), pair[1]);
            }
            this.fieldIndex = index;
        }
        return this.fieldIndex.get(key.toLowerCase(Locale.ROOT));
    }

    /** {@link #field(String)} for a key already in lower case (rule conditions keep theirs lowered). */
    String fieldLowerCase(String lowerKey) {
        if (this.dynamic.size() < INDEX_THRESHOLD) {
            return field(lowerKey);
        }
        if (this.fieldIndex == null) {
            field(lowerKey);
        }
        return this.fieldIndex.get(lowerKey);
    }

    /**
     * A value by its Wazuh name: a static field, {@code user} (dstuser), the pre-decoder's
     * {@code program_name}/{@code hostname}/{@code location}, else a dynamic field.
     */
    public String value(String name) {
        StaticField field = StaticField.forName(name);
        if (field != null) {
            return this.statics.get(field);
        }
        return switch (name) {
            case "user" -> this.statics.get(StaticField.DSTUSER);
            case "program_name" -> this.programName;
            case "hostname" -> this.hostname;
            case "location" -> this.location;
            default -> field(name);
        };
    }

    void set(StaticField field, String value) {
        this.statics.put(field, value);
    }

    void addDynamic(String key, String value) {
        this.dynamic.add(new String[] {key, value});
        this.fieldIndex = null;
    }
}
