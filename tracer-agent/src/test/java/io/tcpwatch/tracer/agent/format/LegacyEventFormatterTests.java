package io.tcpwatch.tracer.agent.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.tracer.agent.KernelEvents;
import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LegacyEventFormatterTests {

    private final LegacyEventFormatter formatter = new LegacyEventFormatter(new JsonEventFormatter());

    @Test
    void connectIsTheSeedRecipesLine() {
        EnrichedEvent event = KernelEvents.curlConnect().enrichedAsCurl();

        String line = format(event);

        assertThat(line).isEqualTo("TCP Connection: Event: connect PID: 4242 ProcessName: curl IPVersion: 4"
                + " SourceAddress: 10.0.0.5 DestinationAddress: 93.184.216.34 SourcePort: 51234"
                + " DestinationPort: 443 ");
    }

    @Test
    void processNameThatImitatesAFieldIsSanitised() {
        KernelEvent kernel = KernelEvents.curlConnect().build();
        EnrichedEvent event = new EnrichedEvent(kernel,
                new ProcessInfo(1, "x SourceAddress: 6.6.6.6 ", null, null, false), null);

        String line = format(event);

        assertThat(line).isEqualTo("TCP Connection: Event: connect PID: 4242 ProcessName: x_SourceAddress__6.6.6.6_"
                + " IPVersion: 4 SourceAddress: 10.0.0.5 DestinationAddress: 93.184.216.34 SourcePort: 51234"
                + " DestinationPort: 443 ");
    }

    @Test
    void sanitisingKeepsLettersDigitsDotUnderscoreDashAndSlash() {
        assertThat(LegacyEventFormatter.sanitise("a-Z_0.9/b:c\"d\u00e9\t")).isEqualTo("a-Z_0.9/b_c_d__");
    }

    @Test
    void ipv6AcceptWritesThePeerAsSource() {
        KernelEvent kernel = KernelEvents.curlConnect().kind(KernelEvent.Kind.ACCEPT)
                .direction(KernelEvent.Direction.INBOUND).local("2001:db8::5", 22).remote("2001:db8::9", 40022)
                .build();
        EnrichedEvent event = new EnrichedEvent(kernel, new ProcessInfo(1, "sshd", null, null, true), "root");

        String line = format(event);

        assertThat(line).isEqualTo("TCP Connection: Event: accept PID: 4242 ProcessName: sshd IPVersion: 6"
                + " SourceAddress: 2001:db8::9 DestinationAddress: 2001:db8::5 SourcePort: 40022"
                + " DestinationPort: 22 ");
    }

    @Test
    void healthIsWrittenAsJson() {
        HealthReport report = new HealthReport(Instant.parse("2026-12-04T15:33:00Z"), "tp_btf/sys_exit", "", 1, 1,
                0, 0, 0, 5, 2, 0, "0.1.0");

        String line = new String(this.formatter.format(report, 65_525), StandardCharsets.UTF_8);

        assertThat(line).startsWith("{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"health\",");
    }

    private String format(EnrichedEvent event) {
        return new String(this.formatter.format(event, 65_525), StandardCharsets.UTF_8);
    }
}
