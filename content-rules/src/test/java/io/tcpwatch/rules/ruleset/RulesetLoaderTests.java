package io.tcpwatch.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesetLoaderTests {

    private static final String ROOTS = """
            <group name="syslog,"><rule id="1" level="0" noalert="1"><category>syslog</category>
            <description>Generic template for all syslog rules.</description></rule></group>
            """;

    private static final String GOOD_DECODER = "<decoder name=\"good\"><prematch>^GOOD</prematch></decoder>\n";

    private static final String GOOD_RULE = """
            <group name="g,"><rule id="100" level="3"><decoded_as>good</decoded_as><description>good</description>
            </rule></group>
            """;

    private static Path ruleset(Path dir, String decoderFile, String decoders, String ruleFile, String rules)
            throws IOException {
        Files.createDirectories(dir.resolve("decoders"));
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("decoders").resolve("0001-good_decoders.xml"), GOOD_DECODER);
        Files.writeString(dir.resolve("rules").resolve("0010-rules_config.xml"), ROOTS);
        Files.writeString(dir.resolve("rules").resolve("0020-good_rules.xml"), GOOD_RULE);
        if (decoderFile != null) {
            Files.writeString(dir.resolve("decoders").resolve(decoderFile), decoders);
        }
        if (ruleFile != null) {
            Files.writeString(dir.resolve("rules").resolve(ruleFile), rules);
        }
        return dir;
    }

    private static List<String> errors(LoadedRuleset ruleset) {
        return ruleset.messages().stream().filter(m -> m.severity() == LoadMessage.Severity.ERROR)
                .map(LoadMessage::toString).toList();
    }

    @Test
    void malformedFileIsSkippedWithFileAndLineAndTheRestLoads(@TempDir Path dir) throws IOException {
        ruleset(dir, "0002-bad_decoders.xml", "<decoder name=\"bad\">\n  <prematch>x</prematch>\n</group>\n",
                null, null);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        Path bad = dir.resolve("decoders").resolve("0002-bad_decoders.xml");
        assertThat(errors(ruleset)).hasSize(1);
        assertThat(errors(ruleset).get(0)).startsWith(bad + ":3: error: malformed XML: ").endsWith("; file skipped");
        assertThat(ruleset.decoderFiles()).containsExactly(dir.resolve("decoders").resolve("0001-good_decoders.xml"));
        assertThat(ruleset.rule(100)).isNotNull();
    }

    @Test
    void unknownDecoderOptionSkipsThatDecoderOnly(@TempDir Path dir) throws IOException {
        ruleset(dir, "0002-mixed_decoders.xml", """
                <decoder name="ok2"><prematch>^OK2</prematch></decoder>
                <decoder name="typo">
                  <prematch>^T</prematch>
                  <prematchh>oops</prematchh>
                </decoder>
                """, null, null);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).containsExactly(dir.resolve("decoders").resolve("0002-mixed_decoders.xml")
                + ":4: error: <decoder name=\"typo\">: invalid decoder option <prematchh>; decoder skipped");
        assertThat(ruleset.decoders()).extracting(Decoder::name).containsExactly("good", "ok2");
    }

    @Test
    void unknownRuleOptionSkipsThatRuleOnly(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0030-typo_rules.xml", """
                <group name="g,">
                  <rule id="210" level="3">
                    <matchh>typo</matchh>
                    <description>typo</description>
                  </rule>
                  <rule id="211" level="3"><match>fine</match><description>fine</description></rule>
                </group>
                """);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).containsExactly(dir.resolve("rules").resolve("0030-typo_rules.xml")
                + ":3: error: <rule id=\"210\">: invalid rule option <matchh>; rule skipped");
        assertThat(ruleset.rule(210)).isNull();
        assertThat(ruleset.rule(211)).isNotNull();
    }

    @Test
    void ruleOutsideAGroupSkipsTheFile(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0030-nogroup_rules.xml",
                "<rule id=\"220\" level=\"3\"><description>x</description></rule>\n");

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).containsExactly(dir.resolve("rules").resolve("0030-nogroup_rules.xml")
                + ":1: error: <rule>: invalid element: rules must be inside a <group name=\"...\">; file skipped");
        assertThat(ruleset.rule(100)).isNotNull();
    }

    @Test
    void badPatternNamesTheRuleAndTheLine(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0030-bad_rules.xml", """
                <group name="g,">
                  <rule id="200" level="3">
                    <regex>(unclosed</regex>
                    <description>bad</description>
                  </rule>
                  <rule id="201" level="3"><match>fine</match><description>fine</description></rule>
                </group>
                """);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).singleElement().asString()
                .startsWith(dir.resolve("rules").resolve("0030-bad_rules.xml") + ":3: error: <rule id=\"200\">: bad"
                        + " <regex>: osregex pattern [(unclosed]: ")
                .endsWith("; rule skipped");
        assertThat(ruleset.rule(200)).isNull();
        assertThat(ruleset.rule(201)).isNotNull();
    }

    @Test
    void unknownParentDecoderIsReportedAndSkipped(@TempDir Path dir) throws IOException {
        ruleset(dir, "0002-orphan_decoders.xml",
                "<decoder name=\"orphan\">\n<parent>missing</parent>\n<regex>(\\d+)</regex><order>id</order>"
                        + "</decoder>\n", null, null);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).containsExactly(dir.resolve("decoders").resolve("0002-orphan_decoders.xml")
                + ":1: error: <decoder name=\"orphan\">: parent decoder [missing] is not loaded before this decoder;"
                + " decoder skipped");
    }

    @Test
    void ruleUsingAMissingListIsSkipped(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0030-list_rules.xml", """
                <group name="g,"><rule id="300" level="3">
                  <list field="srcip" lookup="address_match_key">etc/lists/absent</list>
                  <description>list</description></rule></group>
                """);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).containsExactly(dir.resolve("rules").resolve("0030-list_rules.xml")
                + ":1: error: <rule id=\"300\">: list [etc/lists/absent] is not loaded; rule skipped");
    }

    @Test
    void unreadableListIsReportedAndTheRestOfTheListsLoad(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, null, null);
        Path lists = Files.createDirectories(dir.resolve("lists"));
        Files.writeString(lists.resolve("good"), "k1:v1\n\"a:b\":v2\nbare\n");
        Files.writeString(lists.resolve("broken"), "\"unterminated\n");

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(errors(ruleset)).containsExactly(lists.resolve("broken") + ":0: error: <list>: "
                + lists.resolve("broken") + ":1: quoted key is not closed; rules using [etc/lists/broken] are skipped");
        CdbList good = ruleset.lists().get("etc/lists/good");
        assertThat(good.get("k1")).isEqualTo("v1");
        assertThat(good.get("a:b")).isEqualTo("v2");
        assertThat(good.get("bare")).isEmpty();
    }

    @Test
    void missingDirectoryIsReported(@TempDir Path dir) {
        Path absent = dir.resolve("absent");

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().etc(absent));

        assertThat(errors(ruleset)).containsExactly(absent + ":0: error: not a directory; nothing loaded from it");
    }

    @Test
    void filesFromAllDirectoriesLoadSortedByBaseNameAndExcludesApply(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0215-policy_rules.xml", ROOTS.replace("id=\"1\"", "id=\"2\""));
        Path etc = Files.createDirectories(dir.resolve("etc").resolve("rules"));
        Files.writeString(etc.resolve("0015-user_rules.xml"), GOOD_RULE.replace("100", "150"));

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir).etc(dir.resolve("etc")));

        assertThat(ruleset.ruleFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("0010-rules_config.xml", "0015-user_rules.xml", "0020-good_rules.xml");
        assertThat(RulesetSources.create().ruleExcludes()).isEqualTo(Set.of("0215-policy_rules.xml"));
    }

    @Test
    void exclusionsOfTheUsersOssecConfReplaceTheDefaults(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0215-policy_rules.xml", GOOD_RULE.replace("100", "160"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("ossec.conf"), "<ossec_config>\n  <ruleset>\n"
                + "    <rule_exclude>0020-good_rules.xml</rule_exclude>\n  </ruleset>\n</ossec_config>\n");

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir).etc(etc));

        assertThat(ruleset.ruleFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("0010-rules_config.xml", "0215-policy_rules.xml");
    }

    @Test
    void duplicateRuleIdWithoutOverwriteKeepsTheFirst(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0030-dup_rules.xml", GOOD_RULE.replace("good</description>", "second</description>"));

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(ruleset.rule(100).description()).isEqualTo("good");
        assertThat(ruleset.messages()).extracting(LoadMessage::severity).containsExactly(LoadMessage.Severity.WARNING);
    }

    @Test
    void variablesAreExpandedInPatterns(@TempDir Path dir) throws IOException {
        ruleset(dir, null, null, "0030-var_rules.xml", """
                <var name="BAD_WORDS">failure|error</var>
                <group name="g,"><rule id="400" level="3"><match>$BAD_WORDS</match><description>x</description>
                </rule></group>
                """);

        LoadedRuleset ruleset = RulesetLoader.load(RulesetSources.create().wazuh(dir));

        assertThat(ruleset.rule(400).match().source()).isEqualTo("failure|error");
    }
}
