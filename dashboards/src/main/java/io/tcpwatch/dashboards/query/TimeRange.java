package io.tcpwatch.dashboards.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The time picker's range, which the dashboard adds to every query as a range on {@code timestamp}.
 *
 * @param from the start, inclusive
 * @param to the end, inclusive
 */
public record TimeRange(Instant from, Instant to) {

    /** The dashboard's target number of bars for an {@code auto} interval. */
    static final int BAR_TARGET = 50;

    private static final List<Duration> INTERVALS = List.of(Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(365));

    public TimeRange {
        Objects.requireNonNull(from, "'from' must not be null");
        Objects.requireNonNull(to, "'to' must not be null");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("time range start [" + from + "] must be before its end [" + to + "]");
        }
    }

    /**
     * The interval an {@code auto} date histogram uses: the shortest round interval that splits the range
     * into at most {@value #BAR_TARGET} bars. It does NOT reproduce the dashboard's choice exactly: the
     * dashboard rounds to the nearest round interval and may choose a shorter one.
     *
     * @return the interval, in the {@code fixed_interval} syntax ({@code 30m}, {@code 1h}, ...)
     */
    public String autoInterval() {
        Duration length = Duration.between(this.from, this.to);
        for (Duration interval : INTERVALS) {
            if (length.toMillis() <= interval.toMillis() * BAR_TARGET) {
                return format(interval);
            }
        }
        return format(INTERVALS.get(INTERVALS.size() - 1));
    }

    private static String format(Duration interval) {
        long millis = interval.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

}
