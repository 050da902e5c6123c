package io.tcpwatch.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.ingest.AlertsPipelineGenerator;
import io.tcpwatch.ingest.GeoIpFields;
import io.tcpwatch.ingest.JsonFiles;
import io.tcpwatch.testnode.OpenSearchTestNode;
import org.apache.http.util.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.Response;

/**
 * Bulk-indexes the same tcpwatch alerts through Wazuh's stock pipeline and through the generated one on the same
 * node in one run, alternating bulk by bulk, and prints documents per second and their ratio (generated / stock).
 *
 * <p>The alerts: 70% outbound (private source, public destination), 20% inbound (public source, private
 * destination), 10% private to private; public addresses from a pool. A benchmark, not a test: run it by hand,
 * see the module README.
 *
 * <p>Arguments: the stock pipeline.json, then optionally rounds, documents per round and pipeline, bulk size and
 * the size of the public address pool.
 */
public final class PipelineThroughputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PipelineThroughputBenchmark STOCK_PIPELINE_JSON "
                    + "[ROUNDS DOCS BULK POOL]");
            System.exit(2);
        }
        JsonNode stock = JsonFiles.read(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int documents = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        int bulkSize = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        int pool = args.length > 4 ? Integer.parseInt(args[4]) : 500;

        OpenSearchTestNode node = OpenSearchTestNode.shared();
        node.json("PUT", "/_ingest/pipeline/bench-stock", JsonFiles.compact(stock));
        node.json("PUT", "/_ingest/pipeline/bench-tcpwatch",
                JsonFiles.compact(new AlertsPipelineGenerator(GeoIpFields.defaults()).generate()));
        List<String> bulks = bulks(documents, bulkSize, pool, new Random(20261204L));

        System.out.printf("%d rounds x %d documents per pipeline, bulks of %d, %d public addresses%n", rounds,
                documents, bulkSize, pool);
        measure(node, bulks.subList(0, Math.max(1, bulks.size() / 2)));
        double[] ratios = new double[rounds];
        double[][] rates = new double[rounds][];
        for (int round = 0; round < rounds; round++) {
            rates[round] = measure(node, bulks);
            ratios[round] = rates[round][1] / rates[round][0];
            System.out.printf("round %d: stock %.0f docs/s, tcpwatch %.0f docs/s, ratio %.2f%n", round + 1,
                    rates[round][0], rates[round][1], ratios[round]);
        }
        System.out.printf("median ratio tcpwatch / stock: %.2f (target 0.80 or better)%n", median(ratios));
        printProcessorTimes(node);
        node.deleteIndices("wazuh-alerts-4.x-*,bench-incoming");
        System.exit(0);
    }

    /**
     * Sends every bulk through both pipelines, alternating bulk by bulk on one client thread, so that both see
     * the same load from the rest of the machine.
     * @return documents per second through the stock pipeline and through the generated one
     */
    private static double[] measure(OpenSearchTestNode node, List<String> bulks) throws IOException {
        long[] nanos = new long[2];
        long[] indexed = new long[2];
        String[] pipelines = {"bench-stock", "bench-tcpwatch"};
        for (int i = 0; i < bulks.size(); i++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (i + turn) % 2;
                long start = System.nanoTime();
                indexed[which] += send(node, pipelines[which], bulks.get(i));
                nanos[which] += System.nanoTime() - start;
            }
        }
        return new double[] {indexed[0] / (nanos[0] / 1e9), indexed[1] / (nanos[1] / 1e9)};
    }

    private static void printProcessorTimes(OpenSearchTestNode node) throws IOException {
        JsonNode nodes = node.json("GET", "/_nodes/stats/ingest", null).path("nodes");
        JsonNode pipelines = nodes.elements().next().path("ingest").path("pipelines");
        for (String pipeline : List.of("bench-stock", "bench-tcpwatch")) {
            JsonNode stats = pipelines.path(pipeline);
            // Printed as the node reports them: compare them with each other, not with the wall clock.
            System.out.printf("%s: %d documents, time counter %d; processors by time counter:%n", pipeline,
                    stats.path("count").asLong(), stats.path("time_in_millis").asLong());
            List<String> lines = new ArrayList<>();
            for (JsonNode processor : stats.path("processors")) {
                String name = processor.fieldNames().next();
                JsonNode entry = processor.path(name);
                lines.add(String.format("%10d  %s", entry.path("stats").path("time_in_millis").asLong(), name));
            }
            lines.sort(Comparator.reverseOrder());
            lines.stream().limit(8).forEach(System.out::println);
        }
    }

    private static int send(OpenSearchTestNode node, String pipeline, String bulk) throws IOException {
        Request request = new Request("POST", "/bench-incoming/_bulk");
        request.addParameter("pipeline", pipeline);
        request.setJsonEntity(bulk);
        Response response = node.client().performRequest(request);
        JsonNode answer = JSON.readTree(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("bulk through [" + pipeline + "] had errors: "
                    + answer.path("items").path(0));
        }
        int created = 0;
        for (JsonNode item : answer.path("items")) {
            created += "created".equals(item.path("index").path("result").asText()) ? 1 : 0;
        }
        return created;
    }

    private static List<String> bulks(int documents, int bulkSize, int poolSize, Random random) {
        String[] pool = new String[poolSize];
        for (int i = 0; i < poolSize; i++) {
            pool[i] = publicAddress(random);
        }
        List<String> bulks = new ArrayList<>();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            int kind = random.nextInt(10);
            String peer = pool[random.nextInt(poolSize)];
            String local = "10.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            String srcip = kind < 7 ? local : kind < 9 ? peer : local;
            String dstip = kind < 7 ? peer : kind < 9 ? local : "192.168.1." + (1 + random.nextInt(254));
            bulk.append("{\"index\":{}}\n").append(JsonFiles.compact(document(i, srcip, dstip))).append('\n');
            if ((i + 1) % bulkSize == 0 || i == documents - 1) {
                bulks.add(bulk.toString());
                bulk.setLength(0);
            }
        }
        return bulks;
    }

    private static ObjectNode document(int i, String srcip, String dstip) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("timestamp", "2026-12-04T15:30:00.123+0000");
        alert.putObject("rule").put("level", 3).put("description", "tcpwatch: Outbound TCP connection.")
                .put("id", "100200");
        alert.putObject("agent").put("id", "001").put("name", "web-1");
        alert.putObject("manager").put("name", "wazuh-manager");
        alert.put("id", "1764862200." + i);
        alert.putObject("decoder").put("name", "json");
        alert.put("location", "tcpwatch");
        ObjectNode data = alert.putObject("data");
        data.put("integration", "tcpwatch").put("event", "connect").put("direction", "outbound")
                .put("srcip", srcip).put("srcport", "51234").put("dstip", dstip).put("dstport", "443")
                .put("protocol", "tcp");
        data.putObject("process").put("pid", "4242").put("name", "curl");
        ObjectNode shipped = JSON.createObjectNode();
        shipped.put("message", JsonFiles.compact(alert));
        shipped.putObject("fields").put("index_prefix", "wazuh-alerts-4.x-");
        shipped.putObject("ecs").put("version", "1.6.0");
        shipped.putObject("host").put("name", "wazuh-manager");
        shipped.putObject("agent").put("type", "filebeat");
        return shipped;
    }

    private static String publicAddress(Random random) {
        while (true) {
            int a = 1 + random.nextInt(223);
            int b = random.nextInt(256);
            boolean special = a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
            if (!special) {
                return a + "." + b + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

}
