package io.tcpwatch.dashboards.importer;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the dashboard's import API on a loopback port: it records each request and answers
 * with a fixed status and body. Close it after the test.
 */
public final class LoopbackDashboard implements AutoCloseable {

    /** One request as the server saw it. */
    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = this.headers.get(name);
            return (values == null || values.isEmpty()) ? null : values.get(0);
        }

    }

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private volatile int status;

    private volatile String body;

    public LoopbackDashboard(int status, String body) throws IOException {
        this.status = status;
        this.body = body;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", (exchange) -> {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), requestBody));
            byte[] answer = this.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(this.status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        this.server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
    }

    public List<Received> received() {
        return List.copyOf(this.received);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
