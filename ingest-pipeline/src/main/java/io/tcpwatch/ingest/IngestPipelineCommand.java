package io.tcpwatch.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The command line of {@code ingest-pipeline.jar}: {@code generate} writes pipeline.json and template.json,
 * {@code install} puts them on an indexer.
 */
public final class IngestPipelineCommand {

    /** The environment variable holding the indexer password. */
    public static final String PASSWORD_VARIABLE = "TCPWATCH_INDEXER_PASSWORD";

    static final String USAGE = """
            usage: java -jar ingest-pipeline.jar generate [--out DIR] [--wazuh-template FILE] [FIELDS]
                   java -jar ingest-pipeline.jar install [--url URL] [--user NAME] [--password-file FILE]
                        [--ca FILE | --insecure] [--dry-run] [--filebeat-version V]
                        [--filebeat-module DIR] [--filebeat-template FILE] [--update-indices] [FIELDS]
            FIELDS: --source-field NAME and --destination-field NAME, repeatable, add fields to geolocate
                    into GeoLocation and GeoLocationDst (after Wazuh's stock fields and data.dstip).
            generate: writes DIR/pipeline.json and DIR/template.json (DIR defaults to the current directory);
                      the template is --wazuh-template (Wazuh's wazuh-template.json) with the added mappings,
                      or the bundled one.
            install:  puts the pipeline as filebeat-<V>-wazuh-alerts-pipeline (V defaults to 7.10.2) and merges
                      the mappings into the 'wazuh' index template on URL (default https://localhost:9200).
                      The password comes from TCPWATCH_INDEXER_PASSWORD or --password-file.
                      --dry-run reads the indexer and prints what would be sent.
                      --filebeat-module DIR also writes DIR/alerts/ingest/pipeline.json;
                      --filebeat-template FILE also merges the mappings into Filebeat's template file;
                      --update-indices also adds the mappings to existing wazuh-alerts-4.x-* indices.
            """;

    private final PrintStream out;

    private final PrintStream err;

    private final Map<String, String> environment;

    /**
     * @param out where results go
     * @param err where errors go
     * @param environment the process environment (for the password)
     */
    public IngestPipelineCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /**
     * Runs the command line and exits with its status.
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(new IngestPipelineCommand(System.out, System.err, System.getenv()).run(args));
    }

    /**
     * @param args the arguments
     * @return 0 on success, 1 when the work failed, 2 for a bad command line
     */
    public int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            this.err.println("ingest-pipeline: " + ex.getMessage());
            this.err.print(USAGE);
            return 2;
        }
        try {
            if ("generate".equals(options.command)) {
                generate(options);
            }
            else {
                install(options);
            }
            return 0;
        }
        catch (IllegalArgumentException | IllegalStateException | IndexerException ex) {
            this.err.println("ingest-pipeline " + options.command + ": " + ex.getMessage());
            return 1;
        }
        catch (NoSuchFileException ex) {
            this.err.println("ingest-pipeline " + options.command + ": file [" + ex.getFile() + "] does not exist");
            return 1;
        }
        catch (IOException ex) {
            this.err.println("ingest-pipeline " + options.command + ": " + ex);
            return 1;
        }
    }

    private void generate(Options options) throws IOException {
        GeoIpFields fields = options.fields();
        JsonNode stock = options.wazuhTemplate != null ? JsonFiles.read(options.wazuhTemplate)
                : PipelineInstaller.bundledTemplate();
        Path out = options.out != null ? options.out : Path.of(".");
        Files.createDirectories(out);
        Path pipeline = out.resolve("pipeline.json");
        Path template = out.resolve("template.json");
        Files.writeString(pipeline, JsonFiles.pretty(new AlertsPipelineGenerator(fields).generate()),
                StandardCharsets.UTF_8);
        Files.writeString(template, JsonFiles.pretty(new IndexTemplateGenerator().merge(stock)),
                StandardCharsets.UTF_8);
        this.out.println("wrote " + pipeline + " and " + template);
    }

    private void install(Options options) throws IOException {
        String password = options.passwordFile != null
                ? Files.readString(options.passwordFile, StandardCharsets.UTF_8).strip()
                : this.environment.get(PASSWORD_VARIABLE);
        IndexerConnection connection = new IndexerConnection(IndexerConnection.parseUrl(options.url),
                options.ca, options.insecure, options.user, options.user != null ? password : null);
        if (connection.insecure()) {
            this.err.println("warning: --insecure: the indexer's certificate and host name are not checked");
        }
        // Files named on the command line are checked before the indexer is changed, so a typo in a path
        // leaves nothing half installed.
        if (options.filebeatModule != null) {
            PipelineInstaller.filebeatModulePipeline(options.filebeatModule);
        }
        if (options.filebeatTemplate != null) {
            JsonFiles.read(options.filebeatTemplate);
        }
        PipelineInstaller installer = new PipelineInstaller(options.fields(), this.out);
        List<PipelineInstaller.Change> changes = new ArrayList<>();
        try (IndexerClient indexer = new IndexerClient(connection)) {
            changes.addAll(installer.install(indexer, PipelineInstaller.pipelineId(options.filebeatVersion),
                    options.dryRun));
            if (options.updateIndices) {
                changes.add(installer.updateExistingIndices(indexer, options.dryRun));
            }
        }
        if (options.filebeatModule != null) {
            changes.add(installer.writeFilebeatModule(options.filebeatModule, options.dryRun));
        }
        if (options.filebeatTemplate != null) {
            changes.add(installer.mergeFilebeatTemplate(options.filebeatTemplate, options.dryRun));
        }
        changes.forEach(this.out::println);
        if (changes.stream().allMatch(change -> change.action() == PipelineInstaller.Change.Action.UNCHANGED)) {
            this.out.println("nothing changed: " + connection.displayName() + " is up to date");
        }
    }

    /** The parsed command line. */
    static final class Options {

        String command;

        Path out;

        Path wazuhTemplate;

        String url = "https://localhost:9200";

        String user;

        Path passwordFile;

        Path ca;

        boolean insecure;

        boolean dryRun;

        boolean updateIndices;

        String filebeatVersion = PipelineInstaller.FILEBEAT_VERSION;

        Path filebeatModule;

        Path filebeatTemplate;

        final List<String> sourceFields = new ArrayList<>();

        final List<String> destinationFields = new ArrayList<>();

        GeoIpFields fields() {
            return GeoIpFields.defaults().plus(this.sourceFields, this.destinationFields);
        }

        static Options parse(String... args) {
            if (args.length == 0 || !List.of("generate", "install").contains(args[0])) {
                throw new IllegalArgumentException(args.length == 0 ? "no command given"
                        : "unknown command [" + args[0] + "]: expected generate or install");
            }
            Options options = new Options();
            options.command = args[0];
            boolean install = "install".equals(options.command);
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--source-field" -> options.sourceFields.add(value(args, i++));
                    case "--destination-field" -> options.destinationFields.add(value(args, i++));
                    case "--out" -> options.out = only(!install, option, Path.of(value(args, i++)));
                    case "--wazuh-template" -> options.wazuhTemplate = only(!install, option,
                            Path.of(value(args, i++)));
                    case "--url" -> options.url = only(install, option, value(args, i++));
                    case "--user" -> options.user = only(install, option, value(args, i++));
                    case "--password-file" -> options.passwordFile = only(install, option, Path.of(value(args, i++)));
                    case "--ca" -> options.ca = only(install, option, Path.of(value(args, i++)));
                    case "--insecure" -> options.insecure = only(install, option, true);
                    case "--dry-run" -> options.dryRun = only(install, option, true);
                    case "--update-indices" -> options.updateIndices = only(install, option, true);
                    case "--filebeat-version" -> options.filebeatVersion = only(install, option,
                            check(value(args, i++), option, v -> v.matches("\\d+\\.\\d+\\.\\d+"), "x.y.z"));
                    case "--filebeat-module" -> options.filebeatModule = only(install, option,
                            Path.of(value(args, i++)));
                    case "--filebeat-template" -> options.filebeatTemplate = only(install, option,
                            Path.of(value(args, i++)));
                    default -> throw new IllegalArgumentException("unknown option [" + option + "] for "
                            + options.command);
                }
            }
            options.fields();
            return options;
        }

        private static String value(String[] args, int i) {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("option [" + args[i] + "] needs a value");
            }
            return args[i + 1];
        }

        private static <T> T only(boolean allowed, String option, T value) {
            if (!allowed) {
                throw new IllegalArgumentException("option [" + option + "] does not apply to this command");
            }
            return value;
        }

        private static String check(String value, String option, Function<String, Boolean> test, String expected) {
            if (!test.apply(value)) {
                throw new IllegalArgumentException("option [" + option + "] value [" + value + "] is not "
                        + expected);
            }
            return value;
        }

    }

}
