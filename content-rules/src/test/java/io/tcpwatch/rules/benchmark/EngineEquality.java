package io.tcpwatch.rules.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.engine.Event;
import io.tcpwatch.rules.engine.Result;
import io.tcpwatch.rules.engine.Session;
import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;
import io.tcpwatch.rules.ruleset.StaticField;

/**
 * Prints, one line per event, what the engine made of every log line of Wazuh's {@code .ini} suite and of
 * tcpwatch's own (default ruleset plus tcpwatch's content, one session per {@code .ini} section, a fixed
 * clock), and of two variants of each line (its ASCII letters upper-cased, and the line without its first
 * char) in a session of their own: the rule id, level, decoder name, every static and dynamic field and the
 * description. Two builds of
 * the engine decide alike when their outputs are equal, which is how a change meant to be a pure speed-up is
 * checked:
 * <pre>
 * java -cp OLD.jar:content-rules/target/test-classes io.tcpwatch.rules.benchmark.EngineEquality \
 *     ../shared/wazuh-4.14.7 content-rules/ruleset &gt; old.txt
 * java -cp content-rules/target/ruleset-tester.jar:content-rules/target/test-classes \
 *     io.tcpwatch.rules.benchmark.EngineEquality ../shared/wazuh-4.14.7 content-rules/ruleset &gt; new.txt
 * cmp old.txt new.txt
 * </pre>
 */
public final class EngineEquality {

    private static final Instant FIXED = Instant.parse("2026-01-01T00:00:00Z");

    private EngineEquality() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EngineEquality <wazuh dir holding ruleset/testing/tests>"
                    + " <tcpwatch ruleset dir holding tests/>");
        }
        Path wazuh = Path.of(args[0]);
        Path tcpwatch = Path.of(args[1]);
        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(wazuh).extra(tcpwatch));
        EngineOptions options = new EngineOptions(EngineOptions.defaults().managerName(),
                Clock.fixed(FIXED, ZoneOffset.UTC));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int events = 0;
        for (Path file : iniFiles(wazuh.resolve("ruleset/testing/tests"), tcpwatch.resolve("tests"))) {
            for (IniFile.Section section : read(file).sections()) {
                Session session = Session.create(ruleset, options);
                for (IniFile.LogCase log : section.logs()) {
                    for (String line : log.lines()) {
                        if (!line.isEmpty()) {
                            out.println(file.getFileName() + "\t" + describe(session.process("stdin", line)));
                            events++;
                        }
                    }
                }
            }
        }
        Session variants = Session.create(ruleset, options);
        for (Path file : iniFiles(wazuh.resolve("ruleset/testing/tests"), tcpwatch.resolve("tests"))) {
            for (IniFile.Section section : read(file).sections()) {
                for (IniFile.LogCase log : section.logs()) {
                    for (String line : log.lines()) {
                        if (!line.isEmpty()) {
                            out.println("upper\t" + describe(variants.process("stdin", asciiUpper(line))));
                            out.println("tail\t" + describe(variants.process("stdin", line.substring(1))));
                            events += 2;
                        }
                    }
                }
            }
        }
        out.println("events: " + events);
        out.flush();
    }

    private static String describe(Result result) {
        StringBuilder line = new StringBuilder();
        Event event = result.event();
        line.append(result.rule() == null ? "-" : result.rule().id() + "/" + result.rule().level())
                .append('\t').append(result.alert()).append('\t').append(result.firedTimes())
                .append('\t').append(event.decoder() == null ? "-" : event.decoder().name())
                .append('\t').append(result.description());
        for (StaticField field : StaticField.values()) {
            String value = event.get(field);
            if (value != null) {
                line.append('\t').append(field).append('=').append(value);
            }
        }
        for (String[] pair : event.dynamicFields()) {
            line.append('\t').append(pair[0]).append('=').append(pair[1]);
        }
        line.append("\tprevious=").append(result.previousOutput().size());
        return line.toString().replace("\n", "\\n");
    }

    private static String asciiUpper(String line) {
        char[] chars = line.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static IniFile read(Path file) {
        try {
            return IniFile.read(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read [" + file + "]: " + ex.getMessage(), ex);
        }
    }

    private static List<Path> iniFiles(Path... directories) {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            try (Stream<Path> listed = Files.list(directory)) {
                listed.filter(f -> f.toString().endsWith(".ini")).sorted().forEach(files::add);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot list the .ini tests in [" + directory + "]: "
                        + ex.getMessage(), ex);
            }
        }
        return files;
    }
}
