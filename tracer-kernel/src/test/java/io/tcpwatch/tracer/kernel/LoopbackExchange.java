package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One TCP exchange on loopback: this JVM listens and accepts, a bash child connects, sends "hello",
 * reads the 6-byte reply "world!" and closes first; then this side closes.
 *
 * @param address the listening address
 * @param serverPort the listening port
 * @param childPid the connecting process
 * @param acceptTid the thread of this JVM that accepted
 * @param acceptComm that thread's kernel command name
 * @param clientPort the child's port, as this side saw it
 * @param started wall-clock time before the child started
 * @param finished wall-clock time after both sides closed
 */
record LoopbackExchange(InetAddress address, int serverPort, long childPid, int acceptTid, String acceptComm,
        int clientPort, Instant started, Instant finished) {

    static final String REQUEST = "hello";

    static final String REPLY = "world!";

    static LoopbackExchange run(String host) throws IOException, InterruptedException {
        InetAddress address = InetAddress.getByName(host);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(address, 0));
            server.setSoTimeout(10_000);
            int port = server.getLocalPort();
            Instant started = Instant.now();
            Process child = new ProcessBuilder("bash", "-c", "exec 3<>/dev/tcp/" + host + "/" + port
                    + "; printf " + REQUEST + " >&3; read -r -n " + REPLY.length() + " reply <&3; exec 3>&-")
                    .redirectErrorStream(true).start();
            int clientPort;
            int tid;
            String comm;
            try (Socket socket = server.accept()) {
                tid = threadId();
                comm = Files.readString(Path.of("/proc/thread-self/comm")).strip();
                clientPort = socket.getPort();
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(REQUEST.length()), StandardCharsets.US_ASCII)).isEqualTo(REQUEST);
                OutputStream out = socket.getOutputStream();
                out.write(REPLY.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.read()).as("end of stream after the child closed").isEqualTo(-1);
            }
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("bash child finished").isTrue();
            assertThat(child.exitValue()).as("bash child exit status, output: %s",
                    new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            return new LoopbackExchange(address, port, child.pid(), tid, comm, clientPort, started, Instant.now());
        }
    }

    /** The kernel thread id of the calling thread, from {@code /proc/thread-self -> <pid>/task/<tid>}. */
    static int threadId() throws IOException {
        Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        return Integer.parseInt(link.getFileName().toString());
    }
}
