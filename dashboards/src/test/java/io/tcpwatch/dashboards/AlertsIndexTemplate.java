package io.tcpwatch.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tcpwatch.dashboards.check.IndexFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerts index template the saved objects are checked against: the one module ingest-pipeline
 * generates when it is there, otherwise Wazuh's stock template plus the enrichment fields that
 * docs/event-schema.md documents.
 */
public final class AlertsIndexTemplate {

    /** The enrichment the pipeline documents, used only while its generated template is absent. */
    static final Map<String, String> DOCUMENTED_ADDITIONS = documentedAdditions();

    private AlertsIndexTemplate() {
    }

    /** @return this module's directory (Maven passes it; the working directory otherwise) */
    public static Path moduleDir() {
        return Path.of(System.getProperty("tcpwatch.dashboards.moduleDir", "."));
    }

    /** @return the template the pipeline generates, which may not exist yet */
    public static Path generatedTemplate() {
        return moduleDir().resolve("../ingest-pipeline/generated/template.json").normalize();
    }

    /** @return Wazuh's stock template */
    public static Path stockTemplate() {
        String wazuhDir = System.getProperty("tcpwatch.wazuhDir", moduleDir().resolve("../../shared/wazuh-4.14.7")
                .toString());
        return Path.of(wazuhDir, "extensions", "elasticsearch", "7.x", "wazuh-template.json");
    }

    /** @return the fields of the alerts index */
    public static IndexFields fields() {
        ObjectMapper mapper = new ObjectMapper();
        try {
            Path generated = generatedTemplate();
            if (Files.exists(generated)) {
                return IndexFields.fromTemplate(mapper.readTree(generated.toFile()), generated.toString());
            }
            Path stock = stockTemplate();
            return IndexFields.fromTemplate(mapper.readTree(stock.toFile()), stock.toString())
                    .with(DOCUMENTED_ADDITIONS);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("failed to read the alerts index template", ex);
        }
    }

    private static Map<String, String> documentedAdditions() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String target : new String[] {"GeoLocation", "GeoLocationDst"}) {
            fields.put(target + ".location", "geo_point");
            fields.put(target + ".country_name", "keyword");
            fields.put(target + ".city_name", "keyword");
            fields.put(target + ".region_name", "keyword");
            fields.put(target + ".asn", "long");
            fields.put(target + ".as_org", "keyword");
            fields.put(target + ".scope", "keyword");
        }
        return fields;
    }

}
