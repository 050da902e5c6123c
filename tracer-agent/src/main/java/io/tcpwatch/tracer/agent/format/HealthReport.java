package io.tcpwatch.tracer.agent.format;

import java.time.Instant;
import java.util.Objects;

/**
 * The tracer's own state, sent as a {@code health} event.
 *
 * @param time when the report was taken
 * @param hooks the kernel hooks in use, comma-separated
 * @param hooksMissing hooks wanted but not available, comma-separated, empty when none
 * @param eventsLost events lost since start, all causes
 * @param ringBufferDrops records the kernel dropped because the ring buffer was full
 * @param ownerMisses close events whose socket had no recorded owner
 * @param decodeErrors kernel records that could not be decoded
 * @param sinkDrops events the sink could not deliver
 * @param eventsSent events delivered since start
 * @param eventsFiltered events left out by the filter rules since start
 * @param procMisses processes gone from {@code /proc} before they could be read
 * @param version the tracer's version
 */
public record HealthReport(
        Instant time,
        String hooks,
        String hooksMissing,
        long eventsLost,
        long ringBufferDrops,
        long ownerMisses,
        long decodeErrors,
        long sinkDrops,
        long eventsSent,
        long eventsFiltered,
        long procMisses,
        String version) {

    public HealthReport {
        Objects.requireNonNull(time, "'time' must not be null");
        Objects.requireNonNull(hooks, "'hooks' must not be null");
        Objects.requireNonNull(hooksMissing, "'hooksMissing' must not be null");
        Objects.requireNonNull(version, "'version' must not be null");
    }
}
