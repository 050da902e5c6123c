package io.tcpwatch.rules.ruleset;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule {@code <time>} window such as {@code 6 pm - 8:30 am} or {@code !9:00-18:00}: both ends are
 * inclusive-exclusive minutes of the day, a window that wraps midnight is allowed, and a leading {@code !}
 * inverts it.
 */
public final class TimeWindow {

    private static final Pattern END = Pattern.compile(
            "\\s*(\\d{1,2})(?::(\\d{1,2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*");

    private final int fromMinute;

    private final int toMinute;

    private final boolean negate;

    private TimeWindow(int fromMinute, int toMinute, boolean negate) {
        this.fromMinute = fromMinute;
        this.toMinute = toMinute;
        this.negate = negate;
    }

    /**
     * Parses a window.
     *
     * @throws IllegalArgumentException naming the text when it is not {@code <time> - <time>}
     */
    public static TimeWindow parse(String text) {
        String body = text.trim().toLowerCase(Locale.ROOT);
        boolean negate = body.startsWith("!");
        if (negate) {
            body = body.substring(1);
        }
        int dash = body.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("invalid time [" + text + "]: expected '<time> - <time>'");
        }
        return new TimeWindow(minute(body.substring(0, dash), text), minute(body.substring(dash + 1), text), negate);
    }

    private static int minute(String part, String text) {
        Matcher m = END.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid time [" + text + "]: cannot read [" + part.trim() + "]");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
        String suffix = m.group(3);
        if (suffix != null && suffix.startsWith("p") && hour < 12) {
            hour += 12;
        }
        else if (suffix != null && suffix.startsWith("a") && hour == 12) {
            hour = 0;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("invalid time [" + text + "]: [" + part.trim() + "] is out of range");
        }
        return hour * 60 + minute;
    }

    /** Whether {@code time} falls inside the window. */
    public boolean test(LocalTime time) {
        int now = time.getHour() * 60 + time.getMinute();
        boolean inside = this.fromMinute <= this.toMinute
                ? now >= this.fromMinute && now < this.toMinute
                : now >= this.fromMinute || now < this.toMinute;
        return inside != this.negate;
    }
}
