package io.tcpwatch.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roots {@link LoadedRuleset#candidateRoots} offers for a log: load order is kept, and a root is left out
 * only when its prematch cannot match a log starting with that char.
 */
class RootIndexTests {

    private static final String DECODERS = """
            <decoder name="any-word"><prematch>login</prematch></decoder>
            <decoder name="starts-foo"><prematch>^Foo </prematch></decoder>
            <decoder name="starts-digit"><prematch>^\\d+ </prematch></decoder>
            <decoder name="foo-or-bar"><prematch>^foo|^bar</prematch></decoder>
            <decoder name="named"><program_name>^sshd</program_name><prematch>^Accepted</prematch></decoder>
            <decoder name="named-any"><program_name>^sshd</program_name></decoder>
            """;

    private static final String ROOT_RULE = """
            <group name="syslog,"><rule id="1" level="0" noalert="1"><category>syslog</category>
            <description>Generic template for all syslog rules.</description></rule></group>
            """;

    @TempDir
    static Path dir;

    private static LoadedRuleset ruleset;

    @BeforeAll
    static void load() throws IOException {
        Files.createDirectories(dir.resolve("decoders"));
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("decoders").resolve("0001-index_decoders.xml"), DECODERS);
        Files.writeString(dir.resolve("rules").resolve("0010-rules_config.xml"), ROOT_RULE);
        ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));
    }

    private static List<String> candidates(String programName, String log) {
        return ruleset.candidateRoots(programName, log).stream().map(Decoder::name).toList();
    }

    @Test
    void logStartingWithALetterKeepsTheRootsAnchoredOnThatLetterInEitherCase() {
        assertThat(candidates(null, "FOO bar")).containsExactly("any-word", "starts-foo", "foo-or-bar");
        assertThat(candidates(null, "foo bar")).containsExactly("any-word", "starts-foo", "foo-or-bar");
    }

    @Test
    void logStartingWithADigitKeepsTheRootsWhoseFirstClassIsDigits() {
        assertThat(candidates(null, "42 login")).containsExactly("any-word", "starts-digit");
    }

    @Test
    void logStartingWithAnotherAlternativesLetterKeepsThatAlternativesRoot() {
        assertThat(candidates(null, "Bar")).containsExactly("any-word", "foo-or-bar");
    }

    @Test
    void emptyLogKeepsOnlyTheUnanchoredRoots() {
        assertThat(candidates(null, "")).containsExactly("any-word");
    }

    @Test
    void logStartingWithANonAsciiCharKeepsEveryRoot() {
        assertThat(candidates(null, "\u00e9t\u00e9")).containsExactly("any-word", "starts-foo", "starts-digit",
                "foo-or-bar");
    }

    @Test
    void programNameRootsAreFilteredTheSameWayAndARootWithoutPrematchStays() {
        assertThat(candidates("sshd", "Accepted password")).containsExactly("named", "named-any");
        assertThat(candidates("sshd", "Failed password")).containsExactly("named-any");
        assertThat(ruleset.rootsMatchingProgramName("sshd")).extracting(Decoder::name)
                .containsExactly("named", "named-any");
    }
}
