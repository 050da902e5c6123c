package io.tcpwatch.tracer.agent.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.tracer.agent.KernelEvents;
import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextEventFormatterTests {

    private final TextEventFormatter formatter = new TextEventFormatter();

    @Test
    void closeLineShowsProcessUserAddressesAndCounts() {
        EnrichedEvent event = KernelEvents.curlConnect().closed(517, 4096, 333_333_000L).enrichedAsCurl();

        String line = new String(this.formatter.format(event, 65_536), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("2026-12-04T15:30:00.123456Z close outbound 10.0.0.5:51234 -> 93.184.216.34:443"
                + " pid=4242 process=curl user=alice duration_ms=333.333 sent=517 received=4096");
    }

    @Test
    void controlCharactersInANameCannotStartANewLine() {
        EnrichedEvent base = KernelEvents.curlConnect().local("::1", 40000).remote("::1", 8080).enrichedAsCurl();
        EnrichedEvent event = new EnrichedEvent(base.kernel(), new ProcessInfo(1, "evil\nline", null, null, false),
                null);

        String line = new String(this.formatter.format(event, 65_536), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("2026-12-04T15:30:00.123456Z connect outbound [::1]:40000 -> [::1]:8080"
                + " pid=4242 process=evil?line user=1000");
    }
}
