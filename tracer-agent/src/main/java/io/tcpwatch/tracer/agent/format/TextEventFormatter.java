package io.tcpwatch.tracer.agent.format;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes one readable line per event for a terminal, e.g.
 * {@code 2026-12-04T15:30:00.123456Z connect outbound 10.0.0.5:51234 -> 93.184.216.34:443 pid=4242
 * process=curl user=alice}. Control characters in names become {@code ?}, so a name cannot fake a line.
 * Not meant to be parsed: use the JSON format for that.
 */
public final class TextEventFormatter implements EventFormatter {

    @Override
    public byte[] format(EnrichedEvent event, int maxBytes) {
        KernelEvent kernel = event.kernel();
        Endpoints endpoints = Endpoints.of(kernel);
        StringBuilder line = new StringBuilder(160);
        line.append(Timestamps.format(kernel.time())).append(' ')
                .append(JsonEventFormatter.eventName(kernel.kind())).append(' ')
                .append(kernel.direction().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(hostPort(endpoints.srcip(), endpoints.srcport())).append(" -> ")
                .append(hostPort(endpoints.dstip(), endpoints.dstport()))
                .append(" pid=").append(kernel.pid())
                .append(" process=").append(printable(event.process().name()))
                .append(" user=").append(event.user() == null ? Integer.toUnsignedString(kernel.uid())
                        : printable(event.user()));
        if (kernel.kind() == KernelEvent.Kind.CLOSE) {
            line.append(" duration_ms=").append(JsonEventFormatter.durationMillis(kernel.durationNanos()))
                    .append(" sent=").append(Long.toUnsignedString(kernel.bytesSent()))
                    .append(" received=").append(Long.toUnsignedString(kernel.bytesReceived()));
        }
        return fit(line.toString(), JsonEventFormatter.eventName(kernel.kind()), maxBytes);
    }

    @Override
    public byte[] format(HealthReport report, int maxBytes) {
        String line = Timestamps.format(report.time()) + " health hooks=" + report.hooks()
                + " hooks_missing=" + (report.hooksMissing().isEmpty() ? "none" : report.hooksMissing())
                + " events_sent=" + report.eventsSent() + " events_lost=" + report.eventsLost()
                + " ring_buffer_drops=" + report.ringBufferDrops() + " sink_drops=" + report.sinkDrops()
                + " events_filtered=" + report.eventsFiltered() + " version=" + report.version();
        return fit(line, "health", maxBytes);
    }

    private static String hostPort(String address, int port) {
        return address.indexOf(':') >= 0 ? "[" + address + "]:" + port : address + ":" + port;
    }

    private static String printable(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            clean.append(Character.isISOControl(c) ? '?' : c);
        }
        return clean.toString();
    }

    private static byte[] fit(String line, String event, int maxBytes) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new EventTooLargeException(event, bytes.length, maxBytes);
        }
        return bytes;
    }
}
