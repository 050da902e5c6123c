package io.tcpwatch.tracer.agent.sink;

import static io.tcpwatch.tracer.agent.sink.WazuhQueueSinkTests.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleSinkTests {

    @Test
    void eventsAreLinesAndClosingDeliversWhatIsHeld() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, "test", 16, Duration.ofSeconds(1));
        sink.start();

        sink.submit("one".getBytes(StandardCharsets.UTF_8));
        sink.submit("two".getBytes(StandardCharsets.UTF_8));
        sink.close();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
        assertThat(sink.sent()).isEqualTo(2);
    }

    @Test
    void eventSubmittedAfterCloseIsCountedAsDropped() throws Exception {
        ConsoleSink sink = new ConsoleSink(new ByteArrayOutputStream(), "test", 16, Duration.ofSeconds(1));
        sink.start();
        sink.close();

        sink.submit("late".getBytes(StandardCharsets.UTF_8));

        await(() -> sink.dropped() == 1);
        assertThat(sink.sent()).isZero();
    }
}
