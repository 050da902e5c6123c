package io.tcpwatch.rules.engine;

import io.tcpwatch.rules.ruleset.StaticField;

/**
 * Resolves {@code $(name)} in rule descriptions: the static field names plus {@code program_name} and
 * {@code hostname}; any other name (including {@code user}) is looked up as a dynamic field; unknown names
 * become empty. Newlines become spaces.
 */
final class Descriptions {

    private Descriptions() {
    }

    static String resolve(String description, Event event) {
        String text = description.replace('\n', ' ');
        int open = text.indexOf("$(");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (open >= 0) {
            int close = text.indexOf(')', open + 2);
            if (close < 0) {
                break;
            }
            out.append(text, i, open);
            String name = text.substring(open + 2, close);
            String value = lookup(event, name);
            out.append(value != null ? value : "");
            i = close + 1;
            open = text.indexOf("$(", i);
        }
        out.append(text.substring(i));
        return out.toString();
    }

    private static String lookup(Event event, String name) {
        StaticField field = StaticField.forName(name);
        if (field != null && !name.equals("user")) {
            return event.get(field);
        }
        return switch (name) {
            case "program_name" -> event.programName;
            case "hostname" -> event.hostname;
            default -> event.field(name);
        };
    }
}
