package io.tcpwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.tcpwatch.tracer.agent.TracerAgentApplication;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole chain on the running kernel: the daemon traces a connection that {@code curl}, started by the test,
 * makes to a loopback server of the test; the events reach a Wazuh agent queue socket that the test binds; the
 * ruleset engine turns them into alerts and the pipeline indexes them.
 */
class KernelToIndexTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PREFIX = "1:tcpwatch:";

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private AFUNIXDatagramSocket queue;

    private HttpServer server;

    private ConfigurableApplicationContext daemon;

    private final List<JsonNode> received = new ArrayList<>();

    @BeforeEach
    void startAgentQueueServerAndDaemon() throws IOException {
        KernelRequirement.assumeBpfAvailable();
        Path socket = this.dir.resolve("queue");
        this.queue = AFUNIXDatagramSocket.newInstance();
        this.queue.bind(AFUNIXSocketAddress.of(socket.toFile()));
        this.queue.setSoTimeout(500);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", exchange -> {
            byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.server.start();
        this.daemon = new SpringApplicationBuilder(TracerAgentApplication.class)
                .properties("tcpwatch.sink.type=wazuh", "tcpwatch.wazuh.socket=" + socket,
                        "tcpwatch.filter.exclude-self=false", "tcpwatch.health.interval=1h")
                .run();
    }

    @AfterEach
    void stopEverything() throws IOException {
        if (this.daemon != null) {
            this.daemon.close();
        }
        if (this.server != null) {
            this.server.stop(0);
        }
        if (this.queue != null) {
            this.queue.close();
        }
    }

    @Test
    void curlToLoopbackServerBecomesConnectAcceptAndCloseAlertsInTheIndex() throws Exception {
        int port = this.server.getAddress().getPort();
        awaitPayload(event -> "health".equals(event.path("event").asText()));

        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "http://127.0.0.1:" + port + "/")
                .redirectErrorStream(true).start();
        long curlPid = curl.pid();
        assertThat(curl.waitFor(10, TimeUnit.SECONDS)).as("curl finished").isTrue();
        assertThat(curl.exitValue()).isZero();

        JsonNode connect = awaitPayload(event -> "connect".equals(event.path("event").asText())
                && event.path("process").path("pid").asLong() == curlPid);
        JsonNode accept = awaitPayload(event -> "accept".equals(event.path("event").asText())
                && event.path("dstport").asInt() == port);
        JsonNode close = awaitPayload(event -> "close".equals(event.path("event").asText())
                && event.path("connection").path("id").equals(connect.path("connection").path("id")));

        assertThat(connect.path("process").path("name").asText()).isEqualTo("curl");
        assertThat(connect.path("srcip").asText()).isEqualTo("127.0.0.1");
        assertThat(connect.path("dstip").asText()).isEqualTo("127.0.0.1");
        assertThat(connect.path("dstport").asInt()).isEqualTo(port);
        assertThat(accept.path("process").path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(accept.path("srcport").asInt()).isEqualTo(connect.path("srcport").asInt());
        assertThat(close.path("process").path("pid").asLong()).isEqualTo(curlPid);

        Chain chain = Chain.shared();
        ObjectNode alert = Chain.alert(chain.session(), JSON.writeValueAsString(connect));
        JsonNode document = chain.index(alert);

        assertThat(alert.path("rule").path("id").asText()).isEqualTo("110010");
        assertThat(document.path("data").path("process").path("name").asText()).isEqualTo("curl");
        assertThat(document.path("data").path("dstport").asText()).isEqualTo(Integer.toString(port));
        assertThat(document.path("GeoLocationDst").path("scope").asText()).isEqualTo("loopback");
        assertThat(document.path("GeoLocation").path("scope").asText()).isEqualTo("loopback");
    }

    /**
     * Returns the first event received so far, or received within {@link #WAIT}, whose payload satisfies
     * {@code wanted}; events are kept, so their order of arrival does not matter.
     */
    private JsonNode awaitPayload(Predicate<JsonNode> wanted) throws IOException {
        Instant deadline = Instant.now().plus(WAIT);
        byte[] buffer = new byte[65_536];
        for (JsonNode event : this.received) {
            if (wanted.test(event)) {
                return event;
            }
        }
        while (Instant.now().isBefore(deadline)) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                this.queue.receive(packet);
            }
            catch (SocketTimeoutException ex) {
                continue;
            }
            String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(datagram).startsWith(PREFIX);
            JsonNode event = JSON.readTree(datagram.substring(PREFIX.length()));
            this.received.add(event);
            if (wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no matching event within " + WAIT + "; received " + this.received);
    }
}
