package io.tcpwatch.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.regex.CompiledPattern;
import io.tcpwatch.rules.regex.PatternMatch;
import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.regex.Patterns;

class RequiredLiteralsTests {

    private static final int MAX_LINE = 400;

    private static List<String> literals(PatternType type, String source) {
        CompiledPattern wrapped = RequiredLiterals.wrap(Patterns.compileWithoutCaptures(type, source));
        return wrapped instanceof RequiredLiterals filter ? filter.literals() : List.of();
    }

    @Test
    void osRegexTakesTheLongestRunOfEachAlternativeLowercased() {
        assertThat(literals(PatternType.OSREGEX, "Failed \\w+ for|Accepted (\\S+) FOR"))
                .containsExactly("failed ", "accepted ");
    }

    @Test
    void osRegexAnchoredLiteralPrefixMustStartTheSubject() {
        assertThat(literals(PatternType.OSREGEX, "^%ASA-\\d")).containsExactly(RequiredLiterals.ANCHORED + "%asa-");
    }

    @Test
    void osRegexAnchoredClassChecksTheFirstCharacterOnly() {
        CompiledPattern raw = Patterns.compileWithoutCaptures(PatternType.OSREGEX, "^\\d+$");
        CompiledPattern filtered = RequiredLiterals.wrap(raw);

        assertThat(literals(PatternType.OSREGEX, "^\\d+$")).containsExactly("");
        assertThat(filtered.match("x123")).isNull();
        assertThat(filtered.match("123")).isEqualTo(raw.match("123"));
    }

    @Test
    void osMatchIsAnsweredFromItsAlternatives() {
        CompiledPattern filtered = RequiredLiterals.wrap(Patterns.compileWithoutCaptures(PatternType.OSMATCH,
                "^sshd$|Failed PASS|error$"));

        assertThat(filtered.matches("SSHD")).isTrue();
        assertThat(filtered.matches("x failed password")).isTrue();
        assertThat(filtered.matches("fatal ERROR")).isTrue();
        assertThat(filtered.matches("sshd2")).isFalse();
        assertThat(filtered.matches("error here")).isFalse();
    }

    @Test
    void osRegexAlternativeWithoutLiteralsDisablesTheFilter() {
        assertThat(literals(PatternType.OSREGEX, "abc|\\d+")).isEmpty();
    }

    @Test
    void pcre2SkipsGroupsClassesAndOptionalCharacters() {
        assertThat(literals(PatternType.PCRE2, "[^%]*%FTD-[0-7]-(a|b)s?x")).containsExactly("%FTD-");
        assertThat(literals(PatternType.PCRE2, "(?i)User\\sLOGIN")).containsExactly("login");
    }

    @Test
    void pcre2EscapeOperandsAreNotTakenForLiterals() {
        assertThat(literals(PatternType.PCRE2, "\\x41BCD\\x{3a}EF\\cAGH")).containsExactly("BCD");
    }

    @Test
    void pcre2WithMidPatternOptionsGetsNoFilter() {
        assertThat(literals(PatternType.PCRE2, "abc(?i)def")).isEmpty();
    }

    @Test
    void filteredPatternRejectsASubjectWithoutTheLiteralAndAgreesOtherwise() {
        CompiledPattern raw = Patterns.compileWithoutCaptures(PatternType.OSREGEX, "user (\\w+) failed");
        CompiledPattern filtered = RequiredLiterals.wrap(raw);

        assertThat(filtered.match("nothing here")).isNull();
        assertThat(filtered.match("x USER bob FAILED", 1)).isEqualTo(raw.match("x USER bob FAILED", 1));
    }

    /**
     * Every decoder prematch and rule match/regex of the shipped ruleset that gets a filter gives the same
     * result with and without the filter on every log line of Wazuh's test suite up to {@value #MAX_LINE} characters
     * (longer lines make some shipped PCRE2 patterns too slow for a unit test).
     */
    @Test
    void filterNeverChangesAShippedPatternResultOnTheSuiteLines() throws IOException {
        String dir = System.getProperty("tcpwatch.wazuhDir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "ruleset", "testing", "tests")),
                "skipped: system property tcpwatch.wazuhDir does not name a Wazuh tree");
        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(Path.of(dir)));
        List<CompiledPattern> patterns = new ArrayList<>();
        for (Decoder decoder : ruleset.decoders()) {
            addIfFiltered(patterns, decoder.prematch());
        }
        for (Rule rule : ruleset.rules()) {
            addIfFiltered(patterns, rule.match() != null ? rule.match().pattern() : null);
            addIfFiltered(patterns, rule.regex() != null ? rule.regex().pattern() : null);
        }
        List<String> lines = suiteLines(Path.of(dir, "ruleset", "testing", "tests"));
        List<String> differences = new ArrayList<>();

        for (CompiledPattern pattern : patterns) {
            CompiledPattern raw = ((RequiredLiterals) pattern).delegate();
            for (String line : lines) {
                PatternMatch filtered = pattern.match(line);
                PatternMatch expected = raw.match(line);
                if ((filtered == null && expected != null) || pattern.matches(line) != (expected != null)) {
                    differences.add(pattern.source() + " on " + line);
                }
            }
        }

        assertThat(patterns.size()).isGreaterThan(500);
        assertThat(differences).isEmpty();
    }

    private static void addIfFiltered(List<CompiledPattern> patterns, CompiledPattern pattern) {
        if (pattern instanceof RequiredLiterals) {
            patterns.add(pattern);
        }
    }

    private static List<String> suiteLines(Path tests) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ini")).sorted().toList()) {
                for (IniFile.Section section : IniFile.read(file).sections()) {
                    section.logs().forEach(log -> log.lines().stream().filter(l -> l.length() <= MAX_LINE)
                            .forEach(lines::add));
                }
            }
        }
        return lines;
    }
}
