package io.tcpwatch.rules.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.ini.IniRunner;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;

/**
 * Wazuh's own ruleset test suite as its runner sets it up: the shipped ruleset, every test-only rule and
 * decoder file of {@code ruleset/testing/ruleset} loaded as user files, and rule 60000 rewritten to
 * {@code <decoded_as>json</decoded_as>} (what {@code runtests.py} does for the Windows event channel tests).
 * The {@code *geoip.ini} files are left out, as the runner does without {@code --geoip}.
 */
final class WazuhSuite {

    /** The Windows base rule file the runner rewrites. */
    static final String WINDOWS_BASE_RULES = "0575-win-base_rules.xml";

    private static final Pattern RULE_60000 = Pattern.compile("(<rule id=\"60000\"[^>]*>)(.*?)(</rule>)",
            Pattern.DOTALL);

    /** The file-level tally. */
    record FileTally(Path file, int passed, int total, List<String> failures) {
    }

    private WazuhSuite() {
    }

    static LoadedRuleset load(Path wazuhDir, Path scratch) throws IOException {
        Path ruleset = wazuhDir.resolve("ruleset");
        Path extra = Files.createDirectories(scratch.resolve("suite-extra"));
        try (Stream<Path> files = Files.list(ruleset.resolve("testing").resolve("ruleset"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".xml")) {
                    Files.copy(file, extra.resolve(name));
                }
            }
        }
        String windows = Files.readString(ruleset.resolve("rules").resolve(WINDOWS_BASE_RULES),
                StandardCharsets.ISO_8859_1);
        Matcher m = RULE_60000.matcher(windows);
        if (!m.find()) {
            throw new IllegalStateException("rule 60000 not found in " + WINDOWS_BASE_RULES);
        }
        String body = m.group(2).replaceAll("\\s*<category>[^<]*</category>", "")
                .replaceAll("\\s*<decoded_as>[^<]*</decoded_as>", "") + "  <decoded_as>json</decoded_as>\n  ";
        String rewritten = windows.substring(0, m.start()) + m.group(1) + body + m.group(3)
                + windows.substring(m.end());
        Files.writeString(extra.resolve(WINDOWS_BASE_RULES), rewritten, StandardCharsets.ISO_8859_1);
        RulesetSources sources = RulesetSources.create().wazuh(wazuhDir).extra(extra)
                .ruleExclude(Set.of(RulesetSources.DEFAULT_RULE_EXCLUDE, ruleset.resolve("rules")
                        .resolve(WINDOWS_BASE_RULES).toString()));
        return RulesetLoader.load(sources);
    }

    static EngineOptions options() {
        return new EngineOptions("wazuh-manager", Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));
    }

    static List<Path> iniFiles(Path wazuhDir) throws IOException {
        try (Stream<Path> files = Files.list(wazuhDir.resolve("ruleset").resolve("testing").resolve("tests"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ini"))
                    .filter(p -> !p.getFileName().toString().endsWith("geoip.ini")).sorted().toList();
        }
    }

    static List<FileTally> run(LoadedRuleset ruleset, List<Path> files) throws IOException {
        IniRunner runner = new IniRunner(ruleset, options());
        List<FileTally> tallies = new ArrayList<>();
        for (Path file : files) {
            List<IniRunner.SectionResult> results = runner.run(IniFile.read(file));
            int passed = 0;
            List<String> failures = new ArrayList<>();
            for (IniRunner.SectionResult result : results) {
                if (result.passed()) {
                    passed++;
                }
                else {
                    result.cases().stream().filter(c -> !c.passed()).forEach(c -> failures.add(c.explain()));
                }
            }
            tallies.add(new FileTally(file, passed, results.size(), failures));
        }
        return tallies;
    }
}
