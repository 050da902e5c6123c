package io.tcpwatch.testnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.RestClient;

/**
 * One real OpenSearch 2.19 node for a whole test JVM, with ingest-common, ingest-geoip (GeoLite2 databases of
 * November 2019), painless, mustache (the templates in processor values), geo (geohash_grid and the other geo
 * aggregations) and mapper-extras, listening on a free loopback port.
 *
 * <p>{@link #shared()} starts the node on first use; every later call in the same JVM returns the same node. A
 * shutdown hook closes it and deletes its directory when the JVM exits. Tests share the node, so each test class
 * uses its own index names and pipeline ids and deletes what it creates.
 *
 * <p>The GeoLite2 data is by MaxMind, licensed under CC BY-SA 4.0 (https://www.maxmind.com). It is from 2019:
 * assert on countries, not on cities.
 */
public final class OpenSearchTestNode {

    /** The address the node binds; nothing else is reachable from tests. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final List<String> DATABASES = List.of("GeoLite2-ASN.mmdb", "GeoLite2-City.mmdb",
            "GeoLite2-Country.mmdb");

    private static final List<String> PLUGINS = List.of("org.opensearch.ingest.common.IngestCommonPlugin",
            "org.opensearch.ingest.geoip.IngestGeoIpPlugin", "org.opensearch.painless.PainlessPlugin",
            "org.opensearch.script.mustache.MustachePlugin", "org.opensearch.geo.GeoModulePlugin",
            "org.opensearch.index.mapper.MapperExtrasPlugin", GeoIpDatabasePathPlugin.class.getName());

    private static final String TRANSPORT_MODULE = "org.opensearch.transport.Netty4Plugin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenSearchTestNode shared;

    private final Path home;

    private final OpenSearchRunner runner;

    private final int httpPort;

    private final RestClient client;

    private OpenSearchTestNode(Path home, OpenSearchRunner runner, int httpPort) {
        this.home = home;
        this.runner = runner;
        this.httpPort = httpPort;
        this.client = RestClient.builder(httpHost()).build();
    }

    /**
     * Returns the node of this JVM, starting it on the first call (about 6 to 10 seconds).
     * @return the running node
     * @throws IllegalStateException if the node cannot start
     */
    public static synchronized OpenSearchTestNode shared() {
        if (shared == null) {
            shared = start();
            OpenSearchTestNode node = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "opensearch-test-node-stop"));
        }
        return shared;
    }

    /** @return the HTTP port on {@link #LOOPBACK} */
    public int httpPort() {
        return this.httpPort;
    }

    /** @return the node's HTTP endpoint, {@code http://127.0.0.1:<port>} */
    public HttpHost httpHost() {
        return new HttpHost(LOOPBACK, this.httpPort, "http");
    }

    /** @return the node's base URL, {@code http://127.0.0.1:<port>} */
    public String httpUrl() {
        return "http://" + LOOPBACK + ":" + this.httpPort;
    }

    /**
     * Returns a low-level client to the node, shared by all callers and closed with the node: do not close it.
     * @return the client
     */
    public RestClient client() {
        return this.client;
    }

    /**
     * Sends one request and parses the JSON answer.
     * @param method the HTTP method
     * @param path the path with its query string
     * @param jsonBody the body, or {@code null} for none
     * @return the parsed answer; an empty object when the answer has no body
     * @throws org.opensearch.client.ResponseException (as IOException) when the node answers 4xx or 5xx
     * @throws IOException when the node cannot be reached
     */
    public JsonNode json(String method, String path, String jsonBody) throws IOException {
        Request request = new Request(method, path);
        if (jsonBody != null) {
            request.setJsonEntity(jsonBody);
        }
        Response response = this.client.performRequest(request);
        if (response.getEntity() == null) {
            return JSON.createObjectNode();
        }
        String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /**
     * Deletes the indices matching a comma-separated list of names and patterns; a name or pattern that matches
     * nothing is not an error.
     * @param pattern an index name or pattern, e.g. {@code wazuh-alerts-4.x-*}
     * @throws IOException when the node cannot be reached or refuses
     */
    public void deleteIndices(String pattern) throws IOException {
        json("DELETE", "/" + pattern + "?ignore_unavailable=true&allow_no_indices=true", null);
    }

    private static OpenSearchTestNode start() {
        // Netty's processor count is process-wide; another library in the same JVM may have set it first.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        Path home = null;
        // The node's log set-up sends System.out and System.err to log4j; the JVM's own streams are put back.
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            home = Files.createTempDirectory("tcpwatch-opensearch-");
            Path databases = copyDatabases(home.resolve("geoip"));
            writeLogConfig(home.resolve("node_1").resolve("config"));
            int httpPort = freePort();
            int transportPort = freePort();
            OpenSearchRunner runner = new OpenSearchRunner();
            runner.setMaxHttpPort(-1);
            runner.onBuild((index, settings) -> settings
                    .put("network.host", LOOPBACK)
                    .put("http.port", httpPort)
                    .put("transport.port", transportPort)
                    .put("discovery.type", "single-node")
                    .putList("node.roles", "cluster_manager", "data", "ingest")
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put("action.auto_create_index", true)
                    .put(GeoIpDatabasePathPlugin.DATABASE_PATH.getKey(), databases.toString()));
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(home.toString())
                    .numOfNode(1)
                    .clusterName("tcpwatch-test")
                    .baseHttpPort(httpPort - 1)
                    .moduleTypes(TRANSPORT_MODULE)
                    .pluginTypes(String.join(",", PLUGINS)));
            runner.ensureYellow();
            System.setOut(out);
            System.setErr(err);
            return new OpenSearchTestNode(home, runner, httpPort);
        }
        catch (IOException | RuntimeException ex) {
            System.setOut(out);
            System.setErr(err);
            if (home != null) {
                deleteTree(home);
            }
            throw new IllegalStateException("Failed to start the OpenSearch test node in " + home + ": " + ex, ex);
        }
    }

    private void stop() {
        try {
            this.client.close();
            this.runner.close();
        }
        catch (IOException ex) {
            System.err.println("Failed to close the OpenSearch test node in " + this.home + ": " + ex);
        }
        finally {
            deleteTree(this.home);
        }
    }

    private static Path copyDatabases(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : DATABASES) {
            try (InputStream in = OpenSearchTestNode.class.getResourceAsStream("/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("GeoIP database [" + name + "] is not on the classpath: "
                            + "declare org.elasticsearch:geolite2-databases:20191119 as a test dependency");
                }
                Files.copy(in, directory.resolve(name));
            }
        }
        return directory;
    }

    private static void writeLogConfig(Path config) throws IOException {
        Files.createDirectories(config);
        String properties = String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.console.ref = console",
                "");
        Files.writeString(config.resolve("log4j2.properties"), properties);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException ex) {
            System.err.println("Failed to delete " + root + ": " + ex);
        }
    }

}
