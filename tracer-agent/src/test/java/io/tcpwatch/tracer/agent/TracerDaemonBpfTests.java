package io.tcpwatch.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tcpwatch.tracer.kernel.BpfEventSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole daemon on the real kernel. Skipped when BPF is unavailable (not root, no BTF), except with
 * {@code CI=true} or {@code -Dtcpwatch.requireBpf=true}, where that is a failure.
 */
class TracerDaemonBpfTests {

    @TempDir
    Path temp;

    @Test
    void loopbackConnectOfAChildProcessIsWrittenToTheJsonFile() throws Exception {
        requireBpf();
        Path file = this.temp.resolve("events.json");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ConfigurableApplicationContext daemon = new SpringApplicationBuilder(TracerAgentApplication.class)
                        .run("--tcpwatch.sink.type=json", "--tcpwatch.json.file=" + file,
                                "--spring.main.keep-alive=false")) {
            Thread acceptor = new Thread(() -> acceptOne(server), "test-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            int port = server.getLocalPort();

            long childPid = connectFromChild(port);
            acceptor.join(5_000);

            String expected = "\"event\":\"connect\",\"direction\":\"outbound\",";
            String line = awaitLine(file, expected, "\"dstport\":" + port + ",",
                    "\"process\":{\"pid\":" + childPid + ",");
            assertThat(line).contains("\"srcip\":\"127.0.0.1\"").contains("\"dstip\":\"127.0.0.1\"")
                    .contains("\"name\":\"bash\"").contains("\"protocol\":\"tcp\"");
            assertThat(awaitLine(file, "\"event\":\"health\"")).contains("\"hooks\":\"tp_btf/inet_sock_set_state");
            assertThat(daemon.isRunning()).isTrue();
        }
    }

    /** Connects to the port from a bash child process, closes at once, and returns the child's pid. */
    private static long connectFromChild(int port) throws Exception {
        Process child = new ProcessBuilder("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port + "; exec 3>&-")
                .start();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        return child.pid();
    }

    private static void requireBpf() {
        Optional<String> cause = BpfEventSource.unavailabilityCause();
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("tcpwatch.requireBpf");
        if (cause.isPresent() && required) {
            fail("BPF is required here (CI=true or -Dtcpwatch.requireBpf=true) but unavailable: " + cause.get());
        }
        Assumptions.assumeTrue(cause.isEmpty(), () -> "Skipped: BPF is unavailable: " + cause.orElse(""));
    }

    private static void acceptOne(ServerSocket server) {
        try (Socket peer = server.accept()) {
            peer.getInputStream().read();
        }
        catch (IOException ex) {
            // the child closes its end at once; nothing to read
        }
    }

    private static String awaitLine(Path file, String... parts) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            for (String line : lines) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line of " + file + " contains all of " + List.of(parts) + "; the file holds:\n"
                + (Files.exists(file) ? Files.readString(file) : "(no file)"));
    }
}
