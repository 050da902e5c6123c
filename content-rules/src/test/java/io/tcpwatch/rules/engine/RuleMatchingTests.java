package io.tcpwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tcpwatch.rules.ruleset.LoadedRuleset;

class RuleMatchingTests {

    private static final String DECODERS = """
            <decoder name="svc">
              <program_name>^svc$</program_name>
              <regex>user=(\\S+) from=(\\S+) code=(\\d+)</regex>
              <order>user, srcip, code</order>
            </decoder>
            """;

    private static final String LINE = "Dec 29 10:00:01 host svc[1]: login user=%s from=%s code=%s";

    private static Result run(LoadedRuleset ruleset, String user, String ip, String code) {
        return TestRuleset.session(ruleset).process("stdin", LINE.formatted(user, ip, code));
    }

    private static LoadedRuleset load(Path dir, String rules) {
        return TestRuleset.load(dir, DECODERS, "<group name=\"svc,\">" + rules + "</group>");
    }

    @Test
    void deepestMatchingDescendantWins(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="3"><if_sid>100</if_sid><match>login</match><description>login</description></rule>
                <rule id="102" level="5"><if_sid>101</if_sid><user>^root$</user><description>root</description></rule>
                """);

        assertThat(run(ruleset, "root", "10.0.0.1", "1").rule().id()).isEqualTo(102);
        assertThat(run(ruleset, "bob", "10.0.0.1", "1").rule().id()).isEqualTo(101);
    }

    @Test
    void higherLevelSiblingIsTriedFirstAndLevelZeroBeforeAll(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="3"><if_sid>100</if_sid><match>login</match><description>low</description></rule>
                <rule id="102" level="9"><if_sid>100</if_sid><match>login</match><description>high</description></rule>
                """);

        assertThat(run(ruleset, "bob", "10.0.0.1", "1").rule().id()).isEqualTo(102);
    }

    @Test
    void noalertRuleWithoutMatchingChildGivesWayToItsSibling(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="8" noalert="1"><if_sid>100</if_sid><description>quiet</description></rule>
                <rule id="102" level="4"><if_sid>100</if_sid><description>loud</description></rule>
                """);

        assertThat(run(ruleset, "bob", "10.0.0.1", "1").rule().id()).isEqualTo(102);
    }

    @Test
    void srcipMatchesCidrAndNegateInvertsButABangIsIgnored(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="3"><if_sid>100</if_sid><srcip>!10.0.0.0/8</srcip><description>in</description>
                </rule>
                <rule id="102" level="2"><if_sid>100</if_sid><srcip negate="yes">10.0.0.0/8</srcip>
                  <description>out</description></rule>
                """);

        assertThat(run(ruleset, "bob", "10.9.8.7", "1").rule().id()).isEqualTo(101);
        assertThat(run(ruleset, "bob", "192.168.1.1", "1").rule().id()).isEqualTo(102);
    }

    @Test
    void fieldConditionsAreAnded(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="3"><if_sid>100</if_sid><field name="code">^4</field>
                  <field name="code" type="pcre2">2$</field><description>both</description></rule>
                """);

        assertThat(run(ruleset, "bob", "10.0.0.1", "402").rule().id()).isEqualTo(101);
        assertThat(run(ruleset, "bob", "10.0.0.1", "401").rule().id()).isEqualTo(100);
    }

    @Test
    void ifGroupLinksUnderEveryRuleOfTheGroup(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="3"><if_sid>100</if_sid><group>auth_failed,</group>
                  <description>failed</description></rule>
                <rule id="102" level="6"><if_group>auth_failed</if_group><user>root</user>
                  <description>root failed</description></rule>
                """);

        assertThat(run(ruleset, "root", "10.0.0.1", "1").rule().id()).isEqualTo(102);
    }

    @Test
    void frequencyRuleFiresWhenEnoughEarlierEventsFromTheSameSourceMatched(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="5"><if_sid>100</if_sid><description>failure</description></rule>
                <rule id="102" level="10" frequency="3" timeframe="60"><if_matched_sid>101</if_matched_sid>
                  <same_source_ip/><description>brute force from $(srcip)</description></rule>
                """);
        Session session = TestRuleset.session(ruleset);

        int first = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1")).rule().id();
        int other = session.process("stdin", LINE.formatted("a", "10.0.0.2", "1")).rule().id();
        int second = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1")).rule().id();
        Result third = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1"));

        assertThat(new int[] {first, other, second}).containsExactly(101, 101, 101);
        assertThat(third.rule().id()).isEqualTo(102);
        assertThat(third.description()).isEqualTo("brute force from 10.0.0.1");
        assertThat(third.previousOutput()).hasSize(2);
    }

    @Test
    void frequencyRuleDoesNotCountEventsOlderThanItsTimeframe(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="5"><if_sid>100</if_sid><description>failure</description></rule>
                <rule id="102" level="10" frequency="2" timeframe="60"><if_matched_sid>101</if_matched_sid>
                  <description>repeated</description></rule>
                """);
        MutableClock clock = new MutableClock();
        Session session = Session.create(ruleset, new EngineOptions("manager", clock));

        session.process("stdin", LINE.formatted("a", "10.0.0.1", "1"));
        clock.advance(61);
        int late = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1")).rule().id();
        clock.advance(30);
        int inTime = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1")).rule().id();

        assertThat(late).isEqualTo(101);
        assertThat(inTime).isEqualTo(102);
    }

    /** A clock tests move forward by hand. */
    private static final class MutableClock extends java.time.Clock {

        private java.time.Instant now = TestRuleset.NOW;

        void advance(long seconds) {
            this.now = this.now.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return this.now;
        }
    }

    @Test
    void descriptionUserPlaceholderIsADynamicFieldAndUnknownNamesAreEmpty(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="3"><decoded_as>svc</decoded_as>
                  <description>u=$(user) d=$(dstuser) c=$(code) x=$(nothing).</description></rule>
                """);

        assertThat(run(ruleset, "bob", "10.0.0.1", "7").description()).isEqualTo("u= d=bob c=7 x=.");
    }

    @Test
    void overwriteReplacesConditionsButKeepsThePlaceInTheTree(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="0"><decoded_as>svc</decoded_as><description>svc</description></rule>
                <rule id="101" level="3"><if_sid>100</if_sid><user>alice</user><description>old</description></rule>
                <rule id="101" level="7" overwrite="yes"><user>bob</user><description>new</description></rule>
                """);

        Result bob = run(ruleset, "bob", "10.0.0.1", "1");

        assertThat(bob.rule().id()).isEqualTo(101);
        assertThat(bob.rule().level()).isEqualTo(7);
        assertThat(run(ruleset, "alice", "10.0.0.1", "1").rule().id()).isEqualTo(100);
    }

    @Test
    void ignoreWindowMutesLaterFiringsOfTheSameRule(@TempDir Path dir) {
        LoadedRuleset ruleset = load(dir, """
                <rule id="100" level="5" ignore="60"><decoded_as>svc</decoded_as><description>svc</description>
                </rule>
                """);
        Session session = TestRuleset.session(ruleset);

        boolean first = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1")).alert();
        Result second = session.process("stdin", LINE.formatted("a", "10.0.0.1", "1"));

        assertThat(first).isTrue();
        assertThat(second.alert()).isFalse();
        assertThat(second.rule().id()).isEqualTo(100);
        assertThat(second.firedTimes()).isEqualTo(2);
    }
}
