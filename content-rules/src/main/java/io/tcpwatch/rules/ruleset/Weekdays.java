package io.tcpwatch.rules.ruleset;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A rule {@code <weekday>}: day names (full or three letters), {@code weekdays}, {@code weekends}, separated
 * by commas or spaces; a leading {@code !} inverts.
 */
public final class Weekdays {

    private final Set<DayOfWeek> days;

    private final boolean negate;

    private Weekdays(Set<DayOfWeek> days, boolean negate) {
        this.days = days;
        this.negate = negate;
    }

    /**
     * Parses a day list.
     *
     * @throws IllegalArgumentException naming the word that is not a day
     */
    public static Weekdays parse(String text) {
        String body = text.trim().toLowerCase(Locale.ROOT);
        boolean negate = body.startsWith("!");
        if (negate) {
            body = body.substring(1);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String word : body.split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.equals("weekdays")) {
                days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            }
            else if (word.equals("weekends")) {
                days.add(DayOfWeek.SATURDAY);
                days.add(DayOfWeek.SUNDAY);
            }
            else {
                days.add(day(word, text));
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("invalid weekday [" + text + "]: no day named");
        }
        return new Weekdays(days, negate);
    }

    private static DayOfWeek day(String word, String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (name.equals(word) || name.substring(0, 3).equals(word)) {
                return day;
            }
        }
        throw new IllegalArgumentException("invalid weekday [" + text + "]: [" + word + "] is not a day");
    }

    public boolean test(DayOfWeek day) {
        return this.days.contains(day) != this.negate;
    }
}
