package io.tcpwatch.tracer.agent.sink;

import static io.tcpwatch.tracer.agent.sink.WazuhQueueSinkTests.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueuedSinkTests {

    /** A destination that refuses one payload every time and records the others. */
    static final class RefusingSink extends QueuedSink {

        final List<String> written = new CopyOnWriteArrayList<>();

        final AtomicInteger opens = new AtomicInteger();

        RefusingSink() {
            super("test-sink", 8, Duration.ofMillis(5), Duration.ofSeconds(1));
        }

        @Override
        public String description() {
            return "refusing sink";
        }

        @Override
        public int maxPayloadBytes() {
            return 100;
        }

        @Override
        protected void openDestination() {
            this.opens.incrementAndGet();
        }

        @Override
        protected void writePayload(byte[] payload) throws IOException {
            String text = new String(payload, StandardCharsets.UTF_8);
            if (text.equals("refused")) {
                throw new IOException("Message too long");
            }
            this.written.add(text);
        }

        @Override
        protected void closeDestination() {
        }
    }

    @Test
    void eventRefusedThreeTimesIsDroppedAndTheNextOneIsDelivered() throws Exception {
        RefusingSink sink = new RefusingSink();
        sink.start();

        sink.submit("refused".getBytes(StandardCharsets.UTF_8));
        sink.submit("accepted".getBytes(StandardCharsets.UTF_8));
        await(() -> sink.sent() == 1);
        sink.close();

        assertThat(sink.written).containsExactly("accepted");
        assertThat(sink.dropped()).isEqualTo(1);
        assertThat(sink.opens.get()).as("three opens for the refused event, one more after it").isEqualTo(4);
    }
}
