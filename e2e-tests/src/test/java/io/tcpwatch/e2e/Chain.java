package io.tcpwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.ingest.AlertsPipelineGenerator;
import io.tcpwatch.ingest.GeoIpFields;
import io.tcpwatch.ingest.IndexTemplateGenerator;
import io.tcpwatch.rules.engine.AlertJson;
import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.engine.Result;
import io.tcpwatch.rules.engine.Session;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;
import io.tcpwatch.testnode.OpenSearchTestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The manager and indexer half of the chain, shared by the end-to-end tests: Wazuh's default ruleset plus
 * tcpwatch's content in the ruleset engine, and tcpwatch's pipeline and template on the JVM's OpenSearch node.
 *
 * <p>An event payload goes in as the agent's queue would carry it to the manager; what comes out is the
 * indexed alert document, read back from the daily index the pipeline chose.
 */
final class Chain {

    /** The agent the manager sees the events from. */
    static final String AGENT_LOCATION = "[001] (web01) 10.0.0.5->tcpwatch";

    /** The instant the manager stamps alerts with, so the daily index name is known. */
    static final Instant MANAGER_TIME = Instant.parse("2026-12-04T15:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PIPELINE = "tcpwatch-e2e-alerts";

    private static Chain shared;

    private final LoadedRuleset ruleset;

    private final OpenSearchTestNode node;

    private Chain(LoadedRuleset ruleset, OpenSearchTestNode node) {
        this.ruleset = ruleset;
        this.node = node;
    }

    /** The chain of this JVM: the ruleset is loaded and the pipeline installed once. */
    static synchronized Chain shared() {
        if (shared == null) {
            Path wazuh = Path.of(System.getProperty("tcpwatch.wazuhDir", "../../shared/wazuh-4.14.7"));
            Path content = Path.of(System.getProperty("tcpwatch.contentDir", "../content-rules/ruleset"));
            assertThat(wazuh.resolve("ruleset/rules")).as("Wazuh ruleset (property tcpwatch.wazuhDir)").isDirectory();
            LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(wazuh).extra(content));
            OpenSearchTestNode node = OpenSearchTestNode.shared();
            shared = new Chain(ruleset, node);
            shared.call("PUT", "/_ingest/pipeline/" + PIPELINE,
                    new AlertsPipelineGenerator(GeoIpFields.defaults()).generate());
            shared.call("PUT", "/_template/tcpwatch-e2e", new IndexTemplateGenerator().merge(stockTemplate(wazuh)));
        }
        return shared;
    }

    /** A new manager session: correlation state (frequency rules) starts empty. */
    Session session() {
        return Session.create(this.ruleset, new EngineOptions("wazuh-manager",
                Clock.fixed(MANAGER_TIME, ZoneOffset.UTC)));
    }

    /** Runs one payload through the rules, as the manager does for an event from {@link #AGENT_LOCATION}. */
    static ObjectNode alert(Session session, String payload) {
        Result result = session.process(AGENT_LOCATION, payload);
        ObjectNode alert = AlertJson.build(result, "wazuh-manager", ZoneOffset.UTC, false);
        assertThat(alert).as("alert for payload %s", payload).isNotNull();
        return alert;
    }

    /**
     * Ships {@code alert} as Filebeat does (the alert line in {@code message}, the index prefix in
     * {@code fields}) through the pipeline, and returns the indexed document with its {@code _index}.
     */
    JsonNode index(ObjectNode alert) {
        ObjectNode shipped = JSON.createObjectNode();
        shipped.put("message", AlertJson.line(alert));
        shipped.putObject("fields").put("index_prefix", AlertsPipelineGenerator.INDEX_PREFIX);
        JsonNode answer = call("POST", "/filebeat-bootstrap/_doc?refresh=true&pipeline=" + PIPELINE, shipped);
        String index = answer.path("_index").asText();
        JsonNode stored = call("GET", "/" + index + "/_doc/" + answer.path("_id").asText(), null);
        ObjectNode document = (ObjectNode) stored.path("_source").deepCopy();
        document.put("_index", index);
        return document;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        try {
            return this.node.json(method, path, body == null ? null : JSON.writeValueAsString(body));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(method + " " + path + " failed on the test node", ex);
        }
    }

    private static JsonNode stockTemplate(Path wazuh) {
        Path file = wazuh.resolve("extensions/elasticsearch/7.x/wazuh-template.json");
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Failed to read the stock template " + file, ex);
        }
    }
}
