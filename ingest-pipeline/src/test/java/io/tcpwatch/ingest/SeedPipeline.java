package io.tcpwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pipeline of the published recipe tcpwatch improves on, rebuilt from Wazuh's stock pipeline with its
 * changes, to pin its behaviour as a contrast: the destination lookup reads {@code data.destip}, a field Wazuh's
 * decoders never write, into the shared {@code GeoLocation} target, and {@code on_failure} drops the alert.
 */
final class SeedPipeline {

    private SeedPipeline() {
    }

    static JsonNode definition() {
        ObjectNode pipeline = WazuhFiles.pipeline().deepCopy();
        ArrayNode processors = (ArrayNode) pipeline.get("processors");
        ObjectNode destination = processors.get(3).deepCopy();
        ((ObjectNode) destination.get("geoip")).put("field", "data.destip");
        processors.insert(4, destination);
        return pipeline;
    }

}
