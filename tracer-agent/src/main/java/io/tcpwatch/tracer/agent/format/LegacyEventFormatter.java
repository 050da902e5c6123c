package io.tcpwatch.tracer.agent.format;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the seed recipe's text line, for users who keep its decoders:
 * {@code TCP Connection: Event: connect PID: 4242 ProcessName: curl IPVersion: 4 SourceAddress: ... }.
 * Every value is followed by one space. In the process name, every character other than a letter,
 * digit, {@code .}, {@code _}, {@code -} or {@code /} becomes {@code _}, so a name cannot imitate a field.
 *
 * <p>The line has no room for the {@code health} event: health reports are written by the JSON formatter,
 * which Wazuh's {@code json} decoder reads while the legacy decoders ignore them.
 */
public final class LegacyEventFormatter implements EventFormatter {

    private final EventFormatter healthFormatter;

    /**
     * @param healthFormatter writes health reports (the JSON formatter)
     */
    public LegacyEventFormatter(EventFormatter healthFormatter) {
        this.healthFormatter = Objects.requireNonNull(healthFormatter, "'healthFormatter' must not be null");
    }

    @Override
    public byte[] format(EnrichedEvent event, int maxBytes) {
        KernelEvent kernel = event.kernel();
        Endpoints endpoints = Endpoints.of(kernel);
        String line = "TCP Connection: Event: " + JsonEventFormatter.eventName(kernel.kind()) + " PID: " + kernel.pid()
                + " ProcessName: " + sanitise(event.process().name()) + " IPVersion: " + kernel.family()
                + " SourceAddress: " + endpoints.srcip() + " DestinationAddress: " + endpoints.dstip()
                + " SourcePort: " + endpoints.srcport() + " DestinationPort: " + endpoints.dstport() + " ";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new EventTooLargeException(JsonEventFormatter.eventName(kernel.kind()), bytes.length, maxBytes);
        }
        return bytes;
    }

    /** The process name with every character outside {@code [A-Za-z0-9._/-]} replaced by {@code _}. */
    static String sanitise(String name) {
        StringBuilder clean = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == '/';
            clean.append(kept ? c : '_');
        }
        return clean.toString();
    }

    @Override
    public byte[] format(HealthReport report, int maxBytes) {
        return this.healthFormatter.format(report, maxBytes);
    }
}
