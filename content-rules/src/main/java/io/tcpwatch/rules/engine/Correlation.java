package io.tcpwatch.rules.engine;

import java.util.Objects;

import io.tcpwatch.rules.ruleset.Rule;
import io.tcpwatch.rules.ruleset.StaticField;

/** The {@code same_*} / {@code different_*} / {@code same_field} checks between two events. */
final class Correlation {

    private Correlation() {
    }

    static boolean satisfies(Rule rule, Event now, Event earlier) {
        for (Rule.Correlated field : rule.same()) {
            String a = value(now, field);
            String b = value(earlier, field);
            if (a == null || b == null || !a.equals(b)) {
                return false;
            }
        }
        for (Rule.Correlated field : rule.different()) {
            String a = value(now, field);
            String b = value(earlier, field);
            if (a == null || b == null || a.equals(b)) {
                return false;
            }
        }
        for (String name : rule.sameFields()) {
            String a = now.field(name);
            String b = earlier.field(name);
            if (a == null || b == null || !a.equals(b)) {
                return false;
            }
        }
        for (String name : rule.notSameFields()) {
            String a = now.field(name);
            String b = earlier.field(name);
            if (a == null || b == null || Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static String value(Event event, Rule.Correlated field) {
        return switch (field) {
            case SRCIP -> event.get(StaticField.SRCIP);
            case DSTIP -> event.get(StaticField.DSTIP);
            case SRCPORT -> event.get(StaticField.SRCPORT);
            case DSTPORT -> event.get(StaticField.DSTPORT);
            case PROTOCOL -> event.get(StaticField.PROTOCOL);
            case ACTION -> event.get(StaticField.ACTION);
            case ID -> event.get(StaticField.ID);
            case URL -> event.get(StaticField.URL);
            case DATA -> event.get(StaticField.DATA);
            case EXTRA_DATA -> event.get(StaticField.EXTRA_DATA);
            case STATUS -> event.get(StaticField.STATUS);
            case SYSTEM_NAME -> event.get(StaticField.SYSTEM_NAME);
            case SRCGEOIP, DSTGEOIP -> null;
            case LOCATION -> event.location;
            case SRCUSER -> event.get(StaticField.SRCUSER);
            case USER -> event.get(StaticField.DSTUSER);
        };
    }
}
