package io.tcpwatch.tracer.agent.sink;

import static io.tcpwatch.tracer.agent.sink.WazuhQueueSinkTests.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileSinkTests {

    @TempDir
    Path temp;

    private JsonFileSink sink;

    @AfterEach
    void close() {
        if (this.sink != null) {
            this.sink.close();
        }
    }

    @Test
    void eachEventIsOneLineInACreatedDirectory() throws Exception {
        Path file = this.temp.resolve("log/tcpwatch/events.json");
        this.sink = new JsonFileSink(file, 16, Duration.ofMillis(20), Duration.ofSeconds(1));
        this.sink.start();

        this.sink.submit("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        this.sink.submit("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        await(() -> this.sink.sent() == 2);

        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
    }

    @Test
    void rotatedFileIsFollowedByANewOne() throws Exception {
        Path file = this.temp.resolve("events.json");
        this.sink = new JsonFileSink(file, 16, Duration.ofMillis(20), Duration.ofSeconds(1));
        this.sink.start();
        this.sink.submit("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        await(() -> this.sink.sent() == 1);
        Files.move(file, this.temp.resolve("events.json.1"));
        Thread.sleep(1_100);

        this.sink.submit("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        await(() -> this.sink.sent() == 2);

        assertThat(Files.readString(this.temp.resolve("events.json.1"))).isEqualTo("{\"a\":1}\n");
        assertThat(Files.readString(file)).isEqualTo("{\"a\":2}\n");
    }

    @Test
    void lineLongerThanTheLogcollectorReadsIsDroppedAndCounted() throws Exception {
        this.sink = new JsonFileSink(this.temp.resolve("events.json"), 16, Duration.ofMillis(20),
                Duration.ofSeconds(1));
        this.sink.start();

        this.sink.submit(new byte[65_280]);

        assertThat(this.sink.dropped()).isEqualTo(1);
        assertThat(this.sink.maxPayloadBytes()).isEqualTo(65_279);
    }
}
