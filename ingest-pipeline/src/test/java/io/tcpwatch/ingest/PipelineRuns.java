package io.tcpwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.testnode.OpenSearchTestNode;

/**
 * Runs documents through a pipeline on the shared test node, by {@code _simulate} or by real indexing.
 */
final class PipelineRuns {

    /** Where documents are sent before the pipeline routes them, as Filebeat's default index. */
    static final String INCOMING_INDEX = "filebeat-7.10.2-incoming";

    private final OpenSearchTestNode node = OpenSearchTestNode.shared();

    private final String pipelineId;

    PipelineRuns(String pipelineId, JsonNode pipeline) {
        this.pipelineId = pipelineId;
        call("PUT", "/_ingest/pipeline/" + pipelineId, pipeline);
    }

    OpenSearchTestNode node() {
        return this.node;
    }

    /** @return the simulated document's source */
    JsonNode simulate(JsonNode document) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("docs").addObject().set("_source", document);
        JsonNode result = call("POST", "/_ingest/pipeline/" + this.pipelineId + "/_simulate", body).path("docs")
                .path(0);
        if (result.has("error")) {
            throw new AssertionError("simulation failed: " + result);
        }
        return result.path("doc").path("_source");
    }

    /** Indexes one document through the pipeline and reads it back. */
    Indexed index(JsonNode document) {
        JsonNode answer = call("POST", "/" + INCOMING_INDEX + "/_doc?refresh=true&pipeline=" + this.pipelineId,
                document);
        String index = answer.path("_index").asText();
        String result = answer.path("result").asText();
        if (!"created".equals(result)) {
            return new Indexed(result, index, null);
        }
        JsonNode stored = call("GET", "/" + index + "/_doc/" + answer.path("_id").asText(), null);
        return new Indexed(result, index, stored.path("_source"));
    }

    JsonNode call(String method, String path, JsonNode body) {
        try {
            return this.node.json(method, path, body == null ? null : JsonFiles.compact(body));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(method + " " + path + " failed", ex);
        }
    }

    void deletePipeline() {
        call("DELETE", "/_ingest/pipeline/" + this.pipelineId, null);
    }

    void deleteIndices() {
        try {
            this.node.deleteIndices(AlertsPipelineGenerator.INDEX_PREFIX + "*," + INCOMING_INDEX + "*");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param result the index API's result: created, or noop when the pipeline dropped the document
     * @param index the index the document went to
     * @param source the stored document, or {@code null} when none was stored
     */
    record Indexed(String result, String index, JsonNode source) {
    }

}
