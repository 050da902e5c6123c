package io.tcpwatch.rules.ruleset;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The event fields Wazuh stores in fixed members rather than in the dynamic field list, in the order the
 * alert's {@code data} object lists them.
 */
public enum StaticField {
    PROTOCOL("protocol"),
    ACTION("action"),
    SRCIP("srcip"),
    SRCPORT("srcport"),
    SRCUSER("srcuser"),
    DSTIP("dstip"),
    DSTPORT("dstport"),
    DSTUSER("dstuser"),
    ID("id"),
    STATUS("status"),
    URL("url"),
    DATA("data"),
    EXTRA_DATA("extra_data"),
    SYSTEM_NAME("system_name");

    private static final Map<String, StaticField> BY_ORDER_NAME = new HashMap<>();

    static {
        for (StaticField field : values()) {
            BY_ORDER_NAME.put(field.wazuhName, field);
        }
        BY_ORDER_NAME.put("user", DSTUSER);
    }

    private final String wazuhName;

    StaticField(String wazuhName) {
        this.wazuhName = wazuhName;
    }

    /** The name in {@code <order>} and in the alert's {@code data} object. */
    public String wazuhName() {
        return this.wazuhName;
    }

    /**
     * The static field a decoder {@code <order>} name stores into ({@code user} is an alias of
     * {@code dstuser}), or {@code null} for a dynamic field.
     */
    public static StaticField forOrderName(String name) {
        return BY_ORDER_NAME.get(name);
    }

    /** The static field with this alert name, or {@code null}. */
    public static StaticField forName(String name) {
        StaticField field = BY_ORDER_NAME.get(name.toLowerCase(Locale.ROOT));
        return field != null && field.wazuhName.equals(name.toLowerCase(Locale.ROOT)) ? field : null;
    }
}
