package io.tcpwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Installs the pipeline and the template additions the way {@code filebeat setup --pipelines} and Filebeat's
 * template loading do: the pipeline under Filebeat's id for the wazuh module's alerts fileset, the mappings merged
 * into the {@code wazuh} index template. Optionally also writes the pipeline into Filebeat's module directory and
 * merges the mappings into Filebeat's template file, so that Filebeat's own set-up does not undo the install.
 *
 * <p>Idempotent: what already equals the wanted state is reported unchanged and not sent. In a dry run the
 * installer reads the current state and prints each write instead of sending it.
 *
 * <p>Does not change indices that already exist: the template applies to indices created after the install (the
 * next daily index).
 */
public final class PipelineInstaller {

    /** The Filebeat version Wazuh 4.x ships (filebeat-oss). */
    public static final String FILEBEAT_VERSION = "7.10.2";

    /** The bundled Wazuh template with the additions merged, used when the indexer has no {@code wazuh} template. */
    static final String BUNDLED_TEMPLATE = "generated/template.json";

    private final AlertsPipelineGenerator pipelines;

    private final IndexTemplateGenerator templates = new IndexTemplateGenerator();

    private final PrintStream out;

    /**
     * @param fields the fields to geolocate
     * @param out where a dry run prints what it would send
     */
    public PipelineInstaller(GeoIpFields fields, PrintStream out) {
        this.pipelines = new AlertsPipelineGenerator(fields);
        this.out = out;
    }

    /**
     * Returns the id Filebeat gives a module's pipeline: {@code filebeat-<version>-<module>-<fileset>-<file name
     * without extension>}.
     * @param filebeatVersion e.g. 7.10.2
     * @return e.g. filebeat-7.10.2-wazuh-alerts-pipeline
     */
    public static String pipelineId(String filebeatVersion) {
        return "filebeat-" + filebeatVersion + "-wazuh-alerts-pipeline";
    }

    /**
     * Puts the pipeline and merges the template on the indexer.
     * @param indexer the indexer
     * @param pipelineId the pipeline id, see {@link #pipelineId(String)}
     * @param dryRun whether to print the writes instead of sending them
     * @return what changed, one entry per resource
     * @throws IndexerException when a call fails
     */
    public List<Change> install(IndexerClient indexer, String pipelineId, boolean dryRun) {
        List<Change> changes = new ArrayList<>();
        String pipelinePath = "/_ingest/pipeline/" + pipelineId;
        ObjectNode pipeline = this.pipelines.generate();
        Optional<JsonNode> current = indexer.get(pipelinePath).map(answer -> answer.path(pipelineId));
        changes.add(apply("pipeline " + pipelineId, current, pipeline, dryRun,
                () -> indexer.put(pipelinePath, pipeline), "PUT " + indexer.node() + pipelinePath));
        String templatePath = "/_template/" + IndexTemplateGenerator.TEMPLATE_NAME;
        Optional<JsonNode> template = indexer.get(templatePath)
                .map(answer -> answer.path(IndexTemplateGenerator.TEMPLATE_NAME))
                .filter(JsonNode::isObject);
        ObjectNode merged = this.templates.merge(template.orElseGet(PipelineInstaller::bundledTemplate));
        changes.add(apply("index template " + IndexTemplateGenerator.TEMPLATE_NAME, template, merged, dryRun,
                () -> indexer.put(templatePath, merged), "PUT " + indexer.node() + templatePath));
        return changes;
    }

    /**
     * Adds the mappings to the Wazuh alerts indices that already exist, which the template does not reach, so that
     * the current day's index maps {@code GeoLocationDst.location} as geo_point too.
     * @param indexer the indexer
     * @param dryRun whether to print the write instead of sending it
     * @return what changed
     * @throws IndexerException when a call fails
     * @throws IllegalArgumentException when an index already maps an added field with another type
     */
    public Change updateExistingIndices(IndexerClient indexer, boolean dryRun) {
        String pattern = AlertsPipelineGenerator.INDEX_PREFIX + "*";
        JsonNode indices = indexer.get("/" + pattern + "/_mapping").orElseGet(JsonFiles.mapper()::createObjectNode);
        List<String> outdated = new ArrayList<>();
        indices.fields().forEachRemaining(index -> {
            JsonNode mappings = index.getValue().path("mappings");
            ObjectNode current = JsonFiles.mapper().createObjectNode();
            current.set("mappings", mappings.has("properties") ? mappings
                    : JsonFiles.mapper().createObjectNode().set("properties", JsonFiles.mapper().createObjectNode()));
            try {
                if (!this.templates.merge(current).equals(current)) {
                    outdated.add(index.getKey());
                }
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("index [" + index.getKey() + "]: " + ex.getMessage(), ex);
            }
        });
        String what = "mappings of existing indices " + pattern;
        if (outdated.isEmpty()) {
            return new Change(what, Change.Action.UNCHANGED);
        }
        outdated.sort(null);
        String path = "/" + String.join(",", outdated) + "/_mapping";
        ObjectNode body = JsonFiles.mapper().createObjectNode();
        body.set("properties", this.templates.additions());
        return apply(what + " (" + outdated.size() + ")", Optional.of(JsonFiles.mapper().createObjectNode()), body,
                dryRun, () -> indexer.put(path, body), "PUT " + indexer.node() + path);
    }

    /**
     * Writes the pipeline into Filebeat's wazuh module, where {@code filebeat setup --pipelines} reads it. The
     * first write keeps the previous file as {@code pipeline.json.orig}.
     * @param moduleDirectory the module directory, e.g. /usr/share/filebeat/module/wazuh
     * @param dryRun whether to print instead of writing
     * @return what changed
     * @throws IOException when the file cannot be read or written
     * @throws IllegalArgumentException when the directory is not a wazuh module directory
     */
    public Change writeFilebeatModule(Path moduleDirectory, boolean dryRun) throws IOException {
        Path file = filebeatModulePipeline(moduleDirectory);
        return writeFile(file, JsonFiles.pretty(this.pipelines.generate()), "pipeline file " + file, dryRun);
    }

    /**
     * The pipeline file of Filebeat's wazuh module, checked before anything is installed so that a wrong
     * directory leaves the indexer untouched.
     * @param moduleDirectory the module directory, e.g. /usr/share/filebeat/module/wazuh
     * @return the module's {@code alerts/ingest/pipeline.json}
     * @throws IllegalArgumentException when the directory is not a wazuh module directory
     */
    public static Path filebeatModulePipeline(Path moduleDirectory) {
        Path ingest = moduleDirectory.resolve("alerts").resolve("ingest");
        if (!Files.isDirectory(ingest)) {
            throw new IllegalArgumentException("Filebeat module directory [" + moduleDirectory + "] has no "
                    + "alerts/ingest directory: pass the wazuh module, e.g. /usr/share/filebeat/module/wazuh");
        }
        return ingest.resolve("pipeline.json");
    }

    /**
     * Merges the mappings into Filebeat's template file ({@code setup.template.json.path}), which Filebeat loads
     * over the indexer's template when {@code setup.template.overwrite} is true, as Wazuh configures it.
     * @param templateFile e.g. /etc/filebeat/wazuh-template.json
     * @param dryRun whether to print instead of writing
     * @return what changed
     * @throws IOException when the file cannot be read or written
     */
    public Change mergeFilebeatTemplate(Path templateFile, boolean dryRun) throws IOException {
        JsonNode current = JsonFiles.read(templateFile);
        ObjectNode merged = this.templates.merge(current);
        if (merged.equals(current)) {
            return new Change("template file " + templateFile, Change.Action.UNCHANGED);
        }
        return writeFile(templateFile, JsonFiles.pretty(merged), "template file " + templateFile, dryRun);
    }

    private Change writeFile(Path file, String content, String what, boolean dryRun) throws IOException {
        boolean exists = Files.exists(file);
        if (exists && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return new Change(what, Change.Action.UNCHANGED);
        }
        Change.Action action = exists ? Change.Action.UPDATED : Change.Action.CREATED;
        if (dryRun) {
            this.out.println("would write " + file + ":");
            this.out.print(content);
            return new Change(what, action.planned());
        }
        Path original = file.resolveSibling(file.getFileName() + ".orig");
        if (exists && !Files.exists(original)) {
            Files.copy(file, original);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new Change(what, action);
    }

    private Change apply(String what, Optional<JsonNode> current, JsonNode wanted, boolean dryRun, Runnable write,
            String call) {
        if (current.isPresent() && current.get().equals(wanted)) {
            return new Change(what, Change.Action.UNCHANGED);
        }
        Change.Action action = current.isPresent() ? Change.Action.UPDATED : Change.Action.CREATED;
        if (dryRun) {
            this.out.println("would send " + call + ":");
            this.out.print(JsonFiles.pretty(wanted));
            return new Change(what, action.planned());
        }
        write.run();
        return new Change(what, action);
    }

    static JsonNode bundledTemplate() {
        try (InputStream in = PipelineInstaller.class.getResourceAsStream(BUNDLED_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("bundled template [" + BUNDLED_TEMPLATE + "] is missing from the "
                        + "classpath");
            }
            return JsonFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED_TEMPLATE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Failed to read the bundled template", ex);
        }
    }

    /**
     * What the installer did to one resource.
     *
     * @param what the resource, e.g. "pipeline filebeat-7.10.2-wazuh-alerts-pipeline"
     * @param action what happened to it
     */
    public record Change(String what, Action action) {

        /** What happened to a resource. */
        public enum Action {
            /** It did not exist and was created. */
            CREATED("created"),
            /** It existed and differed; it was replaced. */
            UPDATED("updated"),
            /** It already was as wanted; nothing was sent. */
            UNCHANGED("unchanged"),
            /** A dry run found it missing. */
            WOULD_CREATE("would be created"),
            /** A dry run found it different. */
            WOULD_UPDATE("would be updated");

            private final String words;

            Action(String words) {
                this.words = words;
            }

            Action planned() {
                return this == CREATED ? WOULD_CREATE : this == UPDATED ? WOULD_UPDATE : this;
            }

            @Override
            public String toString() {
                return this.words;
            }
        }

        @Override
        public String toString() {
            return this.what + ": " + this.action;
        }

    }

}
