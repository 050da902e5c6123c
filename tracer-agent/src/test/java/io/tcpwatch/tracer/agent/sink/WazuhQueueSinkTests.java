package io.tcpwatch.tracer.agent.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class WazuhQueueSinkTests {

    @TempDir
    Path temp;

    private AFUNIXDatagramChannel agent;

    private WazuhQueueSink sink;

    @AfterEach
    void closeAll() throws IOException {
        if (this.sink != null) {
            this.sink.close();
        }
        if (this.agent != null) {
            this.agent.close();
        }
    }

    private Path socket() {
        return this.temp.resolve("queue");
    }

    private AFUNIXDatagramChannel bindAgent() throws IOException {
        Files.deleteIfExists(socket());
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        channel.bind(AFUNIXSocketAddress.of(socket()));
        channel.socket().setSoTimeout(5_000);
        return channel;
    }

    private static byte[] receive(AFUNIXDatagramChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(70_000);
        channel.receive(buffer);
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachEventIsOneDatagramWithTheQueuePrefixAndNothingElse() throws Exception {
        this.agent = bindAgent();
        this.sink = new WazuhQueueSink(socket(), 16, Duration.ofMillis(20), Duration.ofSeconds(1));
        this.sink.start();

        this.sink.submit(bytes("{\"integration\":\"tcpwatch\"}"));
        this.sink.submit(bytes("{\"b\":\"\u00e9\"}"));

        assertThat(receive(this.agent)).isEqualTo(bytes("1:tcpwatch:{\"integration\":\"tcpwatch\"}"));
        assertThat(receive(this.agent)).isEqualTo(bytes("1:tcpwatch:{\"b\":\"\u00e9\"}"));
        await(() -> this.sink.sent() == 2);
        assertThat(this.sink.dropped()).isZero();
    }

    @Test
    void largestPayloadMakesADatagramOfExactly65536Bytes() throws Exception {
        this.agent = bindAgent();
        this.sink = new WazuhQueueSink(socket(), 16, Duration.ofMillis(20), Duration.ofSeconds(1));
        this.sink.start();
        byte[] payload = new byte[65_536 - "1:tcpwatch:".length()];
        Arrays.fill(payload, (byte) 'x');

        this.sink.submit(payload);
        this.sink.submit(Arrays.copyOf(payload, payload.length + 1));

        assertThat(receive(this.agent)).hasSize(65_536);
        await(() -> this.sink.sent() == 1);
        assertThat(this.sink.dropped()).isEqualTo(1);
    }

    @Test
    void eventsAfterTheAgentRestartsArriveAndDropsInBetweenAreCountedExactly() throws Exception {
        this.agent = bindAgent();
        int capacity = 5;
        this.sink = new WazuhQueueSink(socket(), capacity, Duration.ofMillis(20), Duration.ofSeconds(1));
        this.sink.start();
        sendOneThenStopTheAgent();

        for (int i = 0; i < 12; i++) {
            this.sink.submit(bytes("during-" + i));
        }
        await(() -> this.sink.dropped() == 12 - capacity, () -> "dropped " + this.sink.dropped() + " sent "
                + this.sink.sent() + " buffered " + this.sink.buffered());
        this.agent = bindAgent();

        for (int i = 0; i < capacity; i++) {
            assertThat(new String(receive(this.agent), StandardCharsets.UTF_8)).isEqualTo("1:tcpwatch:during-" + i);
        }
        this.sink.submit(bytes("after"));
        assertThat(receive(this.agent)).isEqualTo(bytes("1:tcpwatch:after"));
        assertThat(this.sink.dropped()).isEqualTo(12 - capacity);
        await(() -> this.sink.sent() == 1 + capacity + 1);
    }

    private void sendOneThenStopTheAgent() throws Exception {
        this.sink.submit(bytes("before"));
        assertThat(receive(this.agent)).isEqualTo(bytes("1:tcpwatch:before"));
        await(() -> this.sink.sent() == 1);
        this.agent.close();
        Files.delete(socket());
    }

    @Test
    void socketFileReplacedByARestartedAgentIsConnectedAgain() throws Exception {
        this.agent = bindAgent();
        this.sink = new WazuhQueueSink(socket(), 16, Duration.ofMillis(20), Duration.ofSeconds(1));
        this.sink.start();
        this.sink.submit(bytes("one"));
        assertThat(receive(this.agent)).isEqualTo(bytes("1:tcpwatch:one"));
        AFUNIXDatagramChannel old = this.agent;
        this.agent = bindAgent();
        Thread.sleep(1_100);

        this.sink.submit(bytes("two"));

        assertThat(receive(this.agent)).isEqualTo(bytes("1:tcpwatch:two"));
        old.socket().setSoTimeout(200);
        assertThat(receiveOrTimeout(old)).isNull();
        old.close();
    }

    @Test
    void permissionErrorsAreRecognisedByTypeOrMessage() {
        assertThat(WazuhQueueSink.isPermissionDenied(new AccessDeniedException("/x"))).isTrue();
        assertThat(WazuhQueueSink.isPermissionDenied(new java.net.SocketException("Permission denied"))).isTrue();
        assertThat(WazuhQueueSink.isPermissionDenied(new java.net.SocketException("Connection refused"))).isFalse();
    }

    private static byte[] receiveOrTimeout(AFUNIXDatagramChannel channel) throws IOException {
        try {
            byte[] received = receive(channel);
            return received.length == 0 ? null : received;
        }
        catch (SocketTimeoutException ex) {
            return null;
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, () -> "");
    }

    static void await(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s " + state.get());
            }
            Thread.sleep(5);
        }
    }
}
