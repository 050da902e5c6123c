import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A loopback connection storm: one server thread accepts and closes, one client opens and closes
 * {@code connections} connections one after the other. Prints one line:
 * {@code port=<p> connections=<n> median_us=<m> p99_us=<q> seconds=<s> connections_per_s=<r>}.
 * Run with {@code java ConnectionStorm.java <connections>}; used by connection-storm.sh.
 */
public final class ConnectionStorm {

    private ConnectionStorm() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 512, loopback)) {
            Thread acceptor = new Thread(() -> acceptAll(server, connections), "storm-acceptor");
            acceptor.start();
            InetSocketAddress target = new InetSocketAddress(loopback, server.getLocalPort());
            long[] nanos = new long[connections];
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                long begin = System.nanoTime();
                try (Socket socket = new Socket()) {
                    socket.connect(target);
                }
                nanos[i] = System.nanoTime() - begin;
            }
            long elapsed = System.nanoTime() - start;
            acceptor.join();
            Arrays.sort(nanos);
            double seconds = elapsed / 1e9;
            System.out.printf("port=%d connections=%d median_us=%.1f p99_us=%.1f seconds=%.3f connections_per_s=%.0f%n",
                    server.getLocalPort(), connections, nanos[connections / 2] / 1e3,
                    nanos[(int) (connections * 0.99)] / 1e3, seconds, connections / seconds);
        }
    }

    private static void acceptAll(ServerSocket server, int connections) {
        for (int i = 0; i < connections; i++) {
            try (Socket peer = server.accept()) {
                peer.getInputStream().read();
            }
            catch (IOException ex) {
                throw new IllegalStateException("accept " + i + " failed", ex);
            }
        }
    }
}
