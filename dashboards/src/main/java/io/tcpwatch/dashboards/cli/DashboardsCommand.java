package io.tcpwatch.dashboards.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tcpwatch.dashboards.SavedObjectsNdjson;
import io.tcpwatch.dashboards.TcpwatchDashboards;
import io.tcpwatch.dashboards.check.IndexFields;
import io.tcpwatch.dashboards.check.SavedObjectsCheck;
import io.tcpwatch.dashboards.objects.SavedObject;
import io.tcpwatch.dashboards.importer.DashboardHttpClient;
import io.tcpwatch.dashboards.importer.ImportException;
import io.tcpwatch.dashboards.importer.ImportResult;
import io.tcpwatch.dashboards.importer.SavedObjectsImporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code dashboards.jar}.
 *
 * <ul>
 *   <li>{@code import}: imports the saved objects into a Wazuh dashboard (see {@link ImportOptions#USAGE});</li>
 *   <li>{@code generate FILE}: writes the saved objects generated from {@link TcpwatchDashboards};</li>
 *   <li>{@code check --template FILE [--file FILE]}: checks saved objects against an alerts index template
 *       (references, embedded JSON, fields and their types) and prints each problem.</li>
 * </ul>
 *
 * <p>Exit status: 0 when everything was imported, written or found sound, 1 when the dashboard refused some
 * objects or the check found problems,
 * 2 for a wrong command line, 3 when the import could not be made at all.
 */
public final class DashboardsCommand {

    static final int OK = 0;

    static final int SOME_REFUSED = 1;

    static final int USAGE = 2;

    static final int FAILED = 3;

    private static final String BUNDLED = "/io/tcpwatch/dashboards/" + SavedObjectsNdjson.FILE_NAME;

    private DashboardsCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     * @param out where results go
     * @param err where errors go
     * @param env the environment
     * @return the exit status
     * @throws InterruptedException when interrupted while waiting for the dashboard
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env)
            throws InterruptedException {
        String usage = ImportOptions.USAGE + "       java -jar dashboards.jar generate FILE\n"
                + "       java -jar dashboards.jar check --template FILE [--file FILE]\n";
        if (args.length == 0) {
            err.print(usage);
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "import" -> importObjects(ImportOptions.parse(rest, env), out, err);
                case "generate" -> generate(rest, out);
                case "check" -> check(rest, out);
                default -> throw new UsageException("unknown command [" + args[0] + "]");
            };
        }
        catch (UsageException ex) {
            err.println("error: " + ex.getMessage());
            err.print(usage);
            return USAGE;
        }
        catch (ImportException | IllegalArgumentException | IllegalStateException ex) {
            err.println("error: " + ex.getMessage());
            return FAILED;
        }
    }

    private static int generate(String[] args, PrintStream out) {
        if (args.length != 1) {
            throw new UsageException("generate needs exactly one FILE argument");
        }
        Path file = Path.of(args[0]);
        String content = SavedObjectsNdjson.write(TcpwatchDashboards.savedObjects());
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException("failed to write " + file + ": " + ex.getMessage(), ex);
        }
        out.println("wrote " + TcpwatchDashboards.savedObjects().size() + " saved objects to " + file);
        return OK;
    }

    private static int check(String[] args, PrintStream out) {
        Path template = null;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--template" -> template = Path.of(optionValue(args, ++i, "--template"));
                case "--file" -> file = Path.of(optionValue(args, ++i, "--file"));
                default -> throw new UsageException("unknown argument [" + args[i] + "]");
            }
        }
        if (template == null) {
            throw new UsageException("check needs --template FILE (the alerts index template)");
        }
        IndexFields fields;
        try {
            fields = IndexFields.fromTemplate(new ObjectMapper().readTree(template.toFile()), template.toString());
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("failed to read index template [" + template + "]: "
                    + ex.getMessage(), ex);
        }
        String source = (file != null) ? file.toString() : SavedObjectsNdjson.FILE_NAME;
        List<SavedObject> objects = SavedObjectsNdjson.read(new String(read(file), StandardCharsets.UTF_8), source);
        List<String> problems = new SavedObjectsCheck(Set.of(TcpwatchDashboards.INDEX_PATTERN_ID), fields)
                .problems(objects);
        problems.forEach(out::println);
        out.printf("%d saved objects, %d problems, against %s%n", objects.size(), problems.size(), template);
        return problems.isEmpty() ? OK : SOME_REFUSED;
    }

    private static String optionValue(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int importObjects(ImportOptions options, PrintStream out, PrintStream err)
            throws InterruptedException {
        String fileName = (options.file() != null) ? options.file().getFileName().toString()
                : SavedObjectsNdjson.FILE_NAME;
        byte[] content = read(options.file());
        SavedObjectsImporter importer = new SavedObjectsImporter(options.url(),
                DashboardHttpClient.create(options.caFile(), options.insecure(), options.timeout()),
                options.user(), options.password(), options.timeout()).tenant(options.tenant());
        ImportResult result = importer.importFile(fileName, content);
        for (ImportResult.Imported imported : result.imported()) {
            out.printf("%s %s %s (%s)%n", imported.overwritten() ? "overwrote" : "imported", imported.type(),
                    imported.id(), imported.title());
        }
        for (ImportResult.Failure failure : result.failures()) {
            err.printf("refused %s %s (%s): %s%s%n", failure.type(), failure.id(), failure.title(), failure.reason(),
                    failure.detail().isEmpty() ? "" : ": " + failure.detail());
        }
        out.printf("%d imported, %d refused, into %s%n", result.successCount(), result.failures().size(),
                importer.importUri());
        return (result.success() && result.failures().isEmpty()) ? OK : SOME_REFUSED;
    }

    private static byte[] read(Path file) {
        try {
            if (file != null) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = DashboardsCommand.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("the jar holds no " + BUNDLED + "; give --file");
                }
                return in.readAllBytes();
            }
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("failed to read saved objects file [" + file + "]: "
                    + ex.getMessage(), ex);
        }
    }

}
