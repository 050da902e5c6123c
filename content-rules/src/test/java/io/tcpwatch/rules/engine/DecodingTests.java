package io.tcpwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.StaticField;

class DecodingTests {

    private static final String SIBLINGS = """
            <decoder name="app">
              <program_name>^app$</program_name>
            </decoder>
            <decoder name="app-login">
              <parent>app</parent>
              <prematch>^login </prematch>
              <regex offset="after_prematch">^user=(\\S+) </regex>
              <order>user</order>
            </decoder>
            <decoder name="app-login">
              <parent>app</parent>
              <regex offset="after_regex">^from=(\\S+) </regex>
              <order>srcip</order>
            </decoder>
            <decoder name="app-login">
              <parent>app</parent>
              <regex offset="after_regex">^port=(\\d+)$</regex>
              <order>srcport</order>
            </decoder>
            <decoder name="app-any">
              <parent>app</parent>
              <regex>^(\\w+)</regex>
              <order>first</order>
            </decoder>
            <decoder name="app-never">
              <parent>app</parent>
              <prematch>^never</prematch>
              <regex>(\\w+)</regex>
              <order>never</order>
            </decoder>
            <decoder name="plain">
              <prematch>^PLAIN </prematch>
            </decoder>
            """;

    @Test
    void siblingChainAccumulatesFieldsAndReportsTheParentName(@TempDir Path dir) {
        LoadedRuleset ruleset = TestRuleset.load(dir, SIBLINGS, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin",
                "Dec 29 10:00:01 host app[1]: login user=bob from=10.1.2.3 port=22").event();

        assertThat(event.decoder().reportedName()).isEqualTo("app");
        assertThat(event.get(StaticField.DSTUSER)).isEqualTo("bob");
        assertThat(event.get(StaticField.SRCIP)).isEqualTo("10.1.2.3");
        assertThat(event.get(StaticField.SRCPORT)).isEqualTo("22");
    }

    @Test
    void failingLinkIsSkippedAndTheNextReadsAfterTheLastSuccessfulOne(@TempDir Path dir) {
        LoadedRuleset ruleset = TestRuleset.load(dir, SIBLINGS, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin",
                "Dec 29 10:00:01 host app[1]: login user=bob port=22").event();

        assertThat(event.get(StaticField.DSTUSER)).isEqualTo("bob");
        assertThat(event.get(StaticField.SRCIP)).isNull();
        assertThat(event.get(StaticField.SRCPORT)).isEqualTo("22");
    }

    @Test
    void childWithoutPrematchShadowsEveryLaterChild(@TempDir Path dir) {
        LoadedRuleset ruleset = TestRuleset.load(dir, SIBLINGS, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin", "Dec 29 10:00:01 host app[1]: never mind")
                .event();

        assertThat(event.field("first")).isEqualTo("never");
        assertThat(event.field("never")).isNull();
    }

    @Test
    void decodersWithProgramNameAreNotTriedForLinesWithoutOne(@TempDir Path dir) {
        LoadedRuleset ruleset = TestRuleset.load(dir, SIBLINGS, "<group name=\"x\"></group>");

        Event withProgram = TestRuleset.session(ruleset).process("stdin", "Dec 29 10:00:01 host app: PLAIN x")
                .event();
        Event withoutProgram = TestRuleset.session(ruleset).process("stdin", "PLAIN x").event();

        assertThat(withProgram.decoder().reportedName()).isEqualTo("app");
        assertThat(withoutProgram.decoder().reportedName()).isEqualTo("plain");
    }

    @Test
    void useOwnNameChildReportsItsOwnName(@TempDir Path dir) {
        String decoders = """
                <decoder name="base"><prematch>^BASE </prematch></decoder>
                <decoder name="base-child"><parent>base</parent><use_own_name>true</use_own_name>
                  <prematch>child</prematch></decoder>
                """;
        LoadedRuleset ruleset = TestRuleset.load(dir, decoders, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin", "BASE child").event();

        assertThat(event.decoder().reportedName()).isEqualTo("base-child");
        assertThat(event.decoder().parentName()).isEqualTo("base");
    }

    @Test
    void jsonDecoderStringifiesNumbersBooleansAndNullsAndFlattensObjects(@TempDir Path dir) {
        String decoders = """
                <decoder name="json"><prematch>^{\\s*"</prematch><plugin_decoder>JSON_Decoder</plugin_decoder>
                </decoder>
                """;
        LoadedRuleset ruleset = TestRuleset.load(dir, decoders, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin",
                "{\"srcip\":\"10.0.0.1\",\"n\":42,\"f\":1.5,\"ok\":true,\"none\":null,\"a\":{\"b\":\"c\"},"
                        + "\"list\":[1,\"x\"],\"user\":\"u1\",\"systemname\":\"s\"} trailing")
                .event();

        assertThat(event.get(StaticField.SRCIP)).isEqualTo("10.0.0.1");
        assertThat(event.get(StaticField.DSTUSER)).isEqualTo("u1");
        assertThat(event.get(StaticField.SYSTEM_NAME)).isEqualTo("s");
        assertThat(event.field("n")).isEqualTo("42");
        assertThat(event.field("f")).isEqualTo("1.500000");
        assertThat(event.field("ok")).isEqualTo("true");
        assertThat(event.field("none")).isEqualTo("null");
        assertThat(event.field("a.b")).isEqualTo("c");
        assertThat(event.field("list")).isEqualTo("[1, \"x\"]");
    }

    @Test
    void jsonNullFieldDiscardDropsNulls(@TempDir Path dir) {
        String decoders = """
                <decoder name="json"><prematch>^{</prematch><plugin_decoder>JSON_Decoder</plugin_decoder>
                  <json_null_field>discard</json_null_field></decoder>
                """;
        LoadedRuleset ruleset = TestRuleset.load(dir, decoders, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin", "{\"none\":null,\"k\":\"v\"}").event();

        assertThat(event.dynamicFields()).extracting(pair -> pair[0] + "=" + pair[1]).containsExactly("k=v");
    }

    @Test
    void jsonArrayCsvJoinsScalarsWithCommas(@TempDir Path dir) {
        String decoders = """
                <decoder name="json"><prematch>^{</prematch><plugin_decoder>JSON_Decoder</plugin_decoder>
                  <json_array_structure>csv</json_array_structure></decoder>
                """;
        LoadedRuleset ruleset = TestRuleset.load(dir, decoders, "<group name=\"x\"></group>");

        Event event = TestRuleset.session(ruleset).process("stdin", "{\"l\":[\"a\",2,null,true,{\"o\":1}]}")
                .event();

        assertThat(event.field("l")).isEqualTo("a,2,null,true");
    }
}
