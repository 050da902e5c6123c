package io.tcpwatch.tracer.agent.format;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;

/**
 * Turns events into the bytes a sink sends: one line, without its line terminator, UTF-8.
 * Implementations are thread-safe (health reports are formatted on another thread than events).
 */
public interface EventFormatter {

    /**
     * Formats a connection event in at most {@code maxBytes} bytes, cutting long values if needed.
     *
     * @throws EventTooLargeException when even the cut event does not fit
     */
    byte[] format(EnrichedEvent event, int maxBytes);

    /**
     * Formats a health report in at most {@code maxBytes} bytes.
     *
     * @throws EventTooLargeException when it does not fit
     */
    byte[] format(HealthReport report, int maxBytes);
}
