package io.tcpwatch.rules.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.tcpwatch.rules.engine.AlertJson;
import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.engine.LogtestOutput;
import io.tcpwatch.rules.engine.Result;
import io.tcpwatch.rules.engine.Session;
import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.ini.IniRunner;
import io.tcpwatch.rules.lint.LintReport;
import io.tcpwatch.rules.lint.RulesetLint;
import io.tcpwatch.rules.ruleset.LoadMessage;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;

/**
 * The ruleset tester: {@code logtest} runs log lines through a Wazuh-compatible ruleset and prints
 * wazuh-logtest's three phases (or the alert JSON); {@code test} runs Wazuh {@code .ini} ruleset tests;
 * {@code lint} checks the user's decoder and rule files ({@code --etc}, {@code --extra}) against the default
 * ruleset with {@link RulesetLint}.
 *
 * <p>Exit codes: 0 success, 1 test failures or lint findings, 2 usage errors or load errors in the user's own
 * files ({@code --etc}, {@code --extra}).
 */
public final class RulesetTester {

    static final int OK = 0;

    static final int FAILED = 1;

    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: ruleset-tester <command> [options] [arguments]
            commands:
              logtest [--json] [--location LOC] [FILE]   process log lines (stdin when no FILE);
                                                         --json prints the alerts.json lines only
              test <ini files or directories>            run Wazuh .ini ruleset tests
              lint                                       check the --etc/--extra files (or the ruleset)
            options:
              --wazuh DIR     Wazuh tree or ruleset directory (default: system property tcpwatch.wazuhDir)
              --etc DIR       a user's etc/ (decoders, rules, lists, local_*.xml, ossec.conf exclusions)
              --extra DIR     additional decoders/rules, loaded like etc/ files (repeatable)
              --manager NAME  manager name in alerts (default: this host's name)
              --quiet         do not print loader warnings
            """;

    private final PrintStream out;

    private final PrintStream err;

    private final InputStream in;

    RulesetTester(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        int code = new RulesetTester(System.out, System.err, System.in).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Parsed command line. */
    private static final class Options {
        String command;

        Path wazuh;

        Path etc;

        final List<Path> extras = new ArrayList<>();

        String manager;

        String location = "stdin";

        boolean json;

        boolean quiet;

        final List<String> arguments = new ArrayList<>();
    }

    int run(String[] args) {
        Options options;
        try {
            options = parse(args);
        }
        catch (IllegalArgumentException ex) {
            this.err.println("ruleset-tester: " + ex.getMessage());
            this.err.print(USAGE_TEXT);
            return USAGE;
        }
        if (options.wazuh == null && options.etc == null && options.extras.isEmpty()) {
            this.err.println("ruleset-tester: no ruleset: give --wazuh DIR (or -Dtcpwatch.wazuhDir), --etc or --extra");
            return USAGE;
        }
        for (Path dir : directories(options)) {
            if (!Files.isDirectory(dir)) {
                this.err.println("ruleset-tester: [" + dir + "] is not a directory");
                return USAGE;
            }
        }
        RulesetSources sources = RulesetSources.create();
        if (options.wazuh != null) {
            sources.wazuh(options.wazuh);
        }
        if (options.etc != null) {
            sources.etc(options.etc);
        }
        options.extras.forEach(sources::extra);
        LoadedRuleset ruleset = RulesetLoader.load(sources);
        boolean userErrors = report(ruleset, options);
        EngineOptions engine = new EngineOptions(options.manager != null ? options.manager
                : EngineOptions.defaults().managerName(), Clock.systemDefaultZone());
        int code = switch (options.command) {
            case "logtest" -> logtest(ruleset, engine, options);
            case "test" -> test(ruleset, engine, options);
            case "lint" -> lint(sources);
            default -> USAGE;
        };
        return userErrors && code != USAGE ? USAGE : code;
    }

    private static List<Path> directories(Options options) {
        List<Path> dirs = new ArrayList<>(options.extras);
        if (options.wazuh != null) {
            dirs.add(options.wazuh);
        }
        if (options.etc != null) {
            dirs.add(options.etc);
        }
        return dirs;
    }

    private boolean report(LoadedRuleset ruleset, Options options) {
        boolean userErrors = false;
        List<Path> userDirs = new ArrayList<>(options.extras);
        if (options.etc != null) {
            userDirs.add(options.etc);
        }
        for (LoadMessage message : ruleset.messages()) {
            boolean user = userDirs.stream().anyMatch(d -> message.file().toAbsolutePath().normalize()
                    .startsWith(d.toAbsolutePath().normalize()));
            if (message.severity() == LoadMessage.Severity.ERROR) {
                userErrors |= user;
                this.err.println(message);
            }
            else if (!options.quiet) {
                this.err.println(message);
            }
        }
        return userErrors;
    }

    private Options parse(String[] args) {
        Options options = new Options();
        String property = System.getProperty("tcpwatch.wazuhDir");
        if (property != null && !property.isBlank()) {
            options.wazuh = Path.of(property);
        }
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            switch (arg) {
                case "--wazuh", "--ruleset" -> options.wazuh = Path.of(value(args, ++i, arg));
                case "--etc" -> options.etc = Path.of(value(args, ++i, arg));
                case "--extra" -> options.extras.add(Path.of(value(args, ++i, arg)));
                case "--manager" -> options.manager = value(args, ++i, arg);
                case "--location" -> options.location = value(args, ++i, arg);
                case "--json" -> options.json = true;
                case "--quiet" -> options.quiet = true;
                case "-h", "--help" -> throw new IllegalArgumentException("help requested");
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option [" + arg + "]");
                    }
                    if (options.command == null) {
                        options.command = arg;
                    }
                    else {
                        options.arguments.add(arg);
                    }
                }
            }
            i++;
        }
        if (options.command == null) {
            throw new IllegalArgumentException("no command given");
        }
        if (!List.of("logtest", "test", "lint").contains(options.command)) {
            throw new IllegalArgumentException("unknown command [" + options.command + "]");
        }
        if (options.command.equals("test") && options.arguments.isEmpty()) {
            throw new IllegalArgumentException("test needs .ini files or directories");
        }
        if (options.command.equals("lint") && !options.arguments.isEmpty()) {
            throw new IllegalArgumentException("lint takes no arguments: give the files with --etc or --extra");
        }
        if (options.command.equals("logtest") && options.arguments.size() > 1) {
            throw new IllegalArgumentException("logtest reads one file (or stdin)");
        }
        return options;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("option [" + option + "] needs a value");
        }
        return args[index];
    }

    private int logtest(LoadedRuleset ruleset, EngineOptions engine, Options options) {
        Session session = Session.create(ruleset, engine);
        int errors = 0;
        try (BufferedReader reader = reader(options)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    Result result = session.process(options.location, line);
                    var alert = AlertJson.build(result, engine.managerName(), engine.clock().getZone(), true);
                    if (options.json) {
                        if (result.alert()) {
                            this.out.println(AlertJson.line(alert));
                        }
                    }
                    else {
                        this.out.println(LogtestOutput.format(result, alert));
                    }
                }
                catch (RuntimeException ex) {
                    errors++;
                    this.err.println("line " + number + ": event dropped: " + ex);
                }
            }
        }
        catch (IOException ex) {
            this.err.println("ruleset-tester: cannot read input: " + ex.getMessage());
            return USAGE;
        }
        if (session.droppedHistory() > 0) {
            this.err.println(session.droppedHistory() + " events left the correlation history early (at most "
                    + Session.HISTORY_LIMIT + " per list)");
        }
        if (errors > 0) {
            this.err.println(errors + " events dropped by engine errors");
            return FAILED;
        }
        return OK;
    }

    private BufferedReader reader(Options options) throws IOException {
        if (options.arguments.isEmpty()) {
            return new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(options.arguments.get(0)), StandardCharsets.UTF_8);
    }

    private int test(LoadedRuleset ruleset, EngineOptions engine, Options options) {
        List<Path> files = new ArrayList<>();
        for (String argument : options.arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                try (Stream<Path> stream = Files.list(path)) {
                    stream.filter(p -> p.getFileName().toString().endsWith(".ini")).sorted().forEach(files::add);
                }
                catch (IOException ex) {
                    this.err.println("ruleset-tester: cannot list [" + path + "]: " + ex.getMessage());
                    return USAGE;
                }
            }
            else if (Files.isRegularFile(path)) {
                files.add(path);
            }
            else {
                this.err.println("ruleset-tester: [" + path + "] does not exist");
                return USAGE;
            }
        }
        IniRunner runner = new IniRunner(ruleset, engine);
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            IniFile ini;
            try {
                ini = IniFile.read(file);
            }
            catch (IOException | IllegalArgumentException ex) {
                this.err.println("ruleset-tester: cannot read test file: " + ex.getMessage());
                return USAGE;
            }
            int filePassed = 0;
            int fileFailed = 0;
            for (IniRunner.SectionResult section : runner.run(ini)) {
                for (IniRunner.CaseResult result : section.cases()) {
                    if (result.passed()) {
                        filePassed++;
                    }
                    else {
                        fileFailed++;
                        this.out.println(file + ": FAILED " + result.explain());
                    }
                }
            }
            this.out.println(file + ": " + filePassed + " passed, " + fileFailed + " failed");
            passed += filePassed;
            failed += fileFailed;
        }
        this.out.println(passed + " passed, " + failed + " failed");
        return failed > 0 ? FAILED : OK;
    }

    private int lint(RulesetSources sources) {
        List<Path> decoders = new ArrayList<>();
        List<Path> rules = new ArrayList<>();
        List<Path> listDirs = new ArrayList<>();
        List<Path> user = new ArrayList<>(sources.extras());
        if (sources.etc() != null) {
            user.add(0, sources.etc());
        }
        for (Path dir : user) {
            collect(dir, decoders, rules, listDirs);
            addIfFile(dir.resolve("local_decoder.xml"), decoders);
            addIfFile(dir.resolve("local_rules.xml"), rules);
        }
        RulesetLint.Builder builder = RulesetLint.builder();
        Path ruleset = sources.ruleset();
        if (ruleset != null) {
            List<Path> referenceDecoders = xml(ruleset.resolve("decoders"));
            List<Path> referenceRules = xml(ruleset.resolve("rules"));
            if (user.isEmpty()) {
                decoders.addAll(referenceDecoders);
                rules.addAll(referenceRules);
            }
            else {
                builder.referenceDecoders(referenceDecoders).referenceRules(referenceRules);
            }
            if (Files.isDirectory(ruleset.resolve("lists"))) {
                listDirs.add(ruleset.resolve("lists"));
            }
        }
        LintReport report = builder.decoders(decoders).rules(rules).listDirectories(listDirs).build().run();
        this.out.println(report.format());
        return report.isClean() ? OK : FAILED;
    }

    private static void collect(Path dir, List<Path> decoders, List<Path> rules, List<Path> listDirs) {
        boolean layered = Files.isDirectory(dir.resolve("decoders")) || Files.isDirectory(dir.resolve("rules"));
        if (layered) {
            decoders.addAll(xml(dir.resolve("decoders")));
            rules.addAll(xml(dir.resolve("rules")));
            if (Files.isDirectory(dir.resolve("lists"))) {
                listDirs.add(dir.resolve("lists"));
            }
            return;
        }
        for (Path file : xml(dir)) {
            String name = file.getFileName().toString();
            if (name.contains("decoder")) {
                decoders.add(file);
            }
            else if (name.contains("rule")) {
                rules.add(file);
            }
        }
    }

    private static List<Path> xml(Path dir) {
        return Files.isDirectory(dir) ? RulesetLint.xmlFilesIn(dir) : List.of();
    }

    private static void addIfFile(Path file, List<Path> into) {
        if (Files.isRegularFile(file)) {
            into.add(file);
        }
    }
}
