package io.tcpwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tcpwatch.rules.ruleset.LoadedRuleset;

class AlertJsonTests {

    private static final String DECODERS = """
            <decoder name="sshd"><program_name>^sshd</program_name></decoder>
            <decoder name="sshd-invalid"><parent>sshd</parent><prematch>^Invalid user </prematch>
              <regex offset="after_prematch">^(\\S+) from (\\S+) port (\\d+)</regex>
              <order>srcuser, srcip, srcport</order></decoder>
            """;

    private static final String RULES = """
            <group name="syslog,sshd,">
              <rule id="5710" level="5"><decoded_as>sshd</decoded_as><match>Invalid user</match>
                <description>sshd: Attempt to login using a non-existent user</description>
                <mitre><id>T1110</id></mitre>
                <group>invalid_login,authentication_failed,pci_dss_10.2.4,gdpr_IV_35.7.d,</group>
              </rule>
            </group>
            """;

    @Test
    void alertHasWazuhKeysInWazuhOrder(@TempDir Path dir) {
        LoadedRuleset ruleset = TestRuleset.load(dir, DECODERS, RULES);
        Result result = TestRuleset.session(ruleset).process("[001] (web01) 10.0.0.5->/var/log/secure",
                "Dec 29 10:00:01 linux-agent sshd[29205]: Invalid user blimey from 18.18.18.18 port 48928");

        String json = AlertJson.line(AlertJson.build(result, "manager", ZoneOffset.UTC, false));

        assertThat(json).isEqualTo("{\"timestamp\":\"2026-01-15T10:00:00.000+0000\","
                + "\"rule\":{\"level\":5,\"description\":\"sshd: Attempt to login using a non-existent user\","
                + "\"id\":\"5710\",\"mitre\":{\"id\":[\"T1110\"]},\"firedtimes\":1,\"mail\":false,"
                + "\"groups\":[\"syslog\",\"sshd\",\"invalid_login\",\"authentication_failed\"],"
                + "\"pci_dss\":[\"10.2.4\"],\"gdpr\":[\"IV_35.7.d\"]},"
                + "\"agent\":{\"id\":\"001\",\"name\":\"web01\",\"ip\":\"10.0.0.5\"},"
                + "\"manager\":{\"name\":\"manager\"},\"id\":\"1768471200.1\","
                + "\"full_log\":\"Dec 29 10:00:01 linux-agent sshd[29205]: Invalid user blimey from 18.18.18.18"
                + " port 48928\","
                + "\"predecoder\":{\"program_name\":\"sshd\",\"timestamp\":\"Dec 29 10:00:01\","
                + "\"hostname\":\"linux-agent\"},"
                + "\"decoder\":{\"parent\":\"sshd\",\"name\":\"sshd\"},"
                + "\"data\":{\"srcip\":\"18.18.18.18\",\"srcport\":\"48928\",\"srcuser\":\"blimey\"},"
                + "\"location\":\"/var/log/secure\"}");
    }

    @Test
    void dottedDynamicFieldsNestAndJsonArraysStayArrays(@TempDir Path dir) {
        String decoders = """
                <decoder name="json"><prematch>^{</prematch><plugin_decoder>JSON_Decoder</plugin_decoder></decoder>
                """;
        String rules = """
                <group name="json,"><rule id="100" level="3"><decoded_as>json</decoded_as><description>j</description>
                </rule></group>
                """;
        LoadedRuleset ruleset = TestRuleset.load(dir, decoders, rules);
        Result result = TestRuleset.session(ruleset).process("tracer", "{\"a\":{\"b\":\"c\"},\"l\":[\"x\",1]}");

        String data = AlertJson.data(result.event()).toString();

        assertThat(data).isEqualTo("{\"a\":{\"b\":\"c\"},\"l\":[\"x\",1]}");
    }
}
