package io.tcpwatch.tracer.agent.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** RFC 3339 UTC timestamps with microseconds, as the schema's {@code timestamp} key wants them. */
public final class Timestamps {

    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code time} in UTC, cut (not rounded) to the microsecond, e.g. {@code 2026-12-04T15:30:00.123456Z}. */
    public static String format(Instant time) {
        return MICROS.format(time);
    }
}
