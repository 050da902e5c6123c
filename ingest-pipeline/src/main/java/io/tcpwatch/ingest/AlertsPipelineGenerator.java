package io.tcpwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the Wazuh alerts ingest pipeline: Wazuh 4.x's stock processors, GeoIP for the source and the
 * destination into separate targets with ASN and address scope, and failure handling that keeps every alert.
 *
 * <p>Compared with the stock pipeline:
 * <ul>
 * <li>private, loopback, link-local, CGNAT, multicast and unspecified addresses are not looked up; their scope is
 * written instead;</li>
 * <li>per side, the last field holding a public address is looked up. The stock pipeline looks up every field and
 * keeps the last one found in the database, so the two differ only when that last public address is not in the
 * database: this pipeline does NOT fall back to an earlier field then;</li>
 * <li>a processor that fails records {@code pipeline_error.{message,processor,field}} and the alert is indexed,
 * never dropped;</li>
 * <li>a bad or missing {@code timestamp} is replaced by the ingest time, the rejected value kept in
 * {@code pipeline_error.timestamp}; a {@code message} that is not JSON is kept;</li>
 * <li>an alert sent as a JSON body, with no {@code message}, is processed as it is; without
 * {@code fields.index_prefix} the index prefix is {@code wazuh-alerts-4.x-};</li>
 * <li>the fields Filebeat adds are removed by one script rather than one remove processor each (the same result,
 * fewer processors per alert).</li>
 * </ul>
 */
public final class AlertsPipelineGenerator {

    /** The prefix of Wazuh's daily alerts indices, as Wazuh's Filebeat module sets it. */
    public static final String INDEX_PREFIX = "wazuh-alerts-4.x-";

    /** Where failures are recorded. */
    public static final String ERROR_FIELD = "pipeline_error";

    /** The temporary object the scripts and lookups share; removed before indexing. */
    static final String WORK_FIELD = "_tcpwatch";

    private static final List<String> STOCK_PROPERTIES = List.of("city_name", "country_name", "region_name",
            "location");

    private static final List<String> STOCK_REMOVED_FIELDS = List.of("ecs", "beat", "input_type", "tags", "count",
            "@version", "log", "offset", "type", "host", "fields", "event", "fileset", "service");

    private static final String CITY_DATABASE = "GeoLite2-City.mmdb";

    private static final String ASN_DATABASE = "GeoLite2-ASN.mmdb";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final GeoIpFields fields;

    /**
     * @param fields the fields to geolocate
     */
    public AlertsPipelineGenerator(GeoIpFields fields) {
        this.fields = fields;
    }

    /** @return the pipeline definition, the body of {@code PUT _ingest/pipeline/<id>} */
    public ObjectNode generate() {
        ObjectNode pipeline = JSON.objectNode();
        pipeline.put("description", "Wazuh alerts pipeline with source and destination GeoIP (tcpwatch)");
        ArrayNode processors = pipeline.putArray("processors");
        processors.add(json());
        processors.add(stockSet("data.aws.region", "{{data.aws.awsRegion}}"));
        processors.add(stockSet("data.aws.accountId", "{{data.aws.aws_account_id}}"));
        processors.add(prepare());
        for (Side side : sides()) {
            processors.add(lookup(side, "city", CITY_DATABASE, STOCK_PROPERTIES));
            processors.add(lookup(side, "asn", ASN_DATABASE, List.of("asn", "organization_name")));
        }
        processors.add(date());
        processors.add(dateIndexName());
        processors.add(finish());
        ArrayNode onFailure = pipeline.putArray("on_failure");
        recordError(onFailure, "{{_ingest.on_failure_processor_tag}}");
        onFailure.add(indexByIngestTime(true));
        return pipeline;
    }

    private ObjectNode json() {
        ObjectNode json = processor("json", "message");
        ObjectNode body = (ObjectNode) json.get("json");
        body.put("field", "message");
        body.put("add_to_root", true);
        // An alert sent as a JSON body, without Filebeat, has no message: it is already parsed.
        body.put("if", "ctx.message != null");
        recordError(body.putArray("on_failure"), "message");
        return json;
    }

    private ObjectNode stockSet(String field, String value) {
        ObjectNode set = processor("set", field);
        ((ObjectNode) set.get("set")).put("field", field)
                .put("value", value)
                .put("override", false)
                .put("ignore_failure", true)
                .put("ignore_empty_value", true);
        return set;
    }

    // One script before the lookups and one after them, rather than a processor per step: each processor costs
    // about as much as a lookup.
    private ObjectNode prepare() {
        ObjectNode script = script("classify-addresses,default-index-prefix", "classify-addresses",
                "default-index-prefix");
        ObjectNode params = ((ObjectNode) script.get("script")).putObject("params");
        ArrayNode list = params.putArray("sides");
        for (Side side : sides()) {
            ArrayNode fields = list.addObject().put("key", side.key()).putArray("fields");
            side.fields().forEach(fields::add);
        }
        params.put("index_prefix", INDEX_PREFIX);
        recordError(((ObjectNode) script.get("script")).putArray("on_failure"), "{{_ingest.on_failure_processor_tag}}");
        return script;
    }

    private ObjectNode lookup(Side side, String kind, String database, List<String> properties) {
        ObjectNode geoip = processor("geoip", side.target() + "-" + kind);
        ObjectNode body = (ObjectNode) geoip.get("geoip");
        body.put("field", WORK_FIELD + "." + side.key());
        body.put("target_field", WORK_FIELD + "." + side.key() + "_" + kind);
        body.put("database_file", database);
        ArrayNode list = body.putArray("properties");
        properties.forEach(list::add);
        body.put("ignore_missing", true);
        recordError(body.putArray("on_failure"), "{{" + WORK_FIELD + "." + side.key() + "_field}}");
        return geoip;
    }

    private ObjectNode finish() {
        ObjectNode script = script("assemble-locations,remove-shipping-fields", "assemble-locations",
                "remove-shipping-fields");
        ObjectNode params = ((ObjectNode) script.get("script")).putObject("params");
        ArrayNode list = params.putArray("sides");
        for (Side side : sides()) {
            list.addObject().put("key", side.key()).put("target", side.target());
        }
        ArrayNode fields = params.putArray("fields");
        STOCK_REMOVED_FIELDS.forEach(fields::add);
        ArrayNode onFailure = ((ObjectNode) script.get("script")).putArray("on_failure");
        recordError(onFailure, "{{_ingest.on_failure_processor_tag}}");
        onFailure.add(remove(WORK_FIELD));
        return script;
    }

    private static ObjectNode script(String tag, String... names) {
        ObjectNode script = processor("script", tag);
        ObjectNode body = (ObjectNode) script.get("script");
        body.put("lang", "painless");
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            source.append(resource(name + ".painless"));
        }
        body.put("source", source.toString());
        return script;
    }

    private List<Side> sides() {
        return List.of(new Side("source", GeoIpFields.SOURCE_TARGET, this.fields.source()),
                new Side("destination", GeoIpFields.DESTINATION_TARGET, this.fields.destination()));
    }

    private ObjectNode date() {
        ObjectNode date = processor("date", "timestamp");
        ObjectNode body = (ObjectNode) date.get("date");
        body.put("field", "timestamp");
        body.put("target_field", "@timestamp");
        body.putArray("formats").add("ISO8601");
        ArrayNode onFailure = body.putArray("on_failure");
        recordError(onFailure, "timestamp");
        ObjectNode keep = onFailure.addObject().putObject("rename");
        keep.put("field", "timestamp").put("target_field", ERROR_FIELD + ".timestamp").put("ignore_missing", true);
        onFailure.addObject().putObject("set").put("field", "timestamp").put("value", "{{_ingest.timestamp}}");
        onFailure.addObject().putObject("set").put("field", "@timestamp").put("value", "{{_ingest.timestamp}}");
        return date;
    }

    private ObjectNode dateIndexName() {
        ObjectNode name = indexName("timestamp");
        ObjectNode body = (ObjectNode) name.get("date_index_name");
        ArrayNode onFailure = body.putArray("on_failure");
        recordError(onFailure, "timestamp");
        onFailure.add(indexByIngestTime(false));
        return name;
    }

    private ObjectNode indexByIngestTime(boolean ignoreFailure) {
        ObjectNode name = indexName("_ingest.timestamp");
        if (ignoreFailure) {
            ((ObjectNode) name.get("date_index_name")).put("ignore_failure", true);
        }
        return name;
    }

    private ObjectNode indexName(String field) {
        ObjectNode name = processor("date_index_name", field);
        ((ObjectNode) name.get("date_index_name")).put("field", field)
                .put("date_rounding", "d")
                .put("index_name_prefix", "{{fields.index_prefix}}")
                .put("index_name_format", "yyyy.MM.dd")
                .putArray("date_formats").add("ISO8601");
        return name;
    }

    private ObjectNode remove(String field) {
        ObjectNode remove = processor("remove", field);
        ((ObjectNode) remove.get("remove")).put("field", field)
                .put("ignore_missing", true)
                .put("ignore_failure", true);
        return remove;
    }

    private static ObjectNode processor(String type, String tag) {
        ObjectNode processor = JSON.objectNode();
        processor.putObject(type).put("tag", tag);
        return processor;
    }

    private static void recordError(ArrayNode handlers, String field) {
        appendError(handlers, "message", "{{_ingest.on_failure_message}}");
        appendError(handlers, "processor", "{{_ingest.on_failure_processor_type}}");
        appendError(handlers, "field", field);
    }

    private static void appendError(ArrayNode handlers, String key, String value) {
        handlers.addObject().putObject("append").put("field", ERROR_FIELD + "." + key).put("value", value);
    }

    private static String resource(String name) {
        try (InputStream in = AlertsPipelineGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("pipeline script [" + name + "] is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Failed to read pipeline script [" + name + "]", ex);
        }
    }

    /** One side of a connection: its key in the work object, its target and its fields in lookup order. */
    private record Side(String key, String target, List<String> fields) {
    }

}
