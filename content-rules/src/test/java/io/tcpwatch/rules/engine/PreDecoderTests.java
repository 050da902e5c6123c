package io.tcpwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pre-decoding cases; the expected values are those of Wazuh's own integration cases
 * ({@code tests/integration/test_analysisd/test_predecoder_stage}) and of §2.6 of the semantics notes.
 */
class PreDecoderTests {

    private static Event predecode(String location, String message) {
        Event event = new Event();
        PreDecoder.predecode(event, location, message, "manager");
        return event;
    }

    @Test
    void bsdSyslogHeaderGivesTimestampHostnameAndProgramWithoutPid() {
        Event event = predecode("master->/var/log/syslog",
                "Dec 29 10:00:01 linux-agent sshd[29205]: Invalid user blimey from 18.18.18.18 port 48928");

        assertThat(event.timestamp()).isEqualTo("Dec 29 10:00:01");
        assertThat(event.syslogHostname()).isEqualTo("linux-agent");
        assertThat(event.programName()).isEqualTo("sshd");
        assertThat(event.log()).isEqualTo("Invalid user blimey from 18.18.18.18 port 48928");
    }

    @Test
    void yearFirstSyslogDateIsRecognised() {
        Event event = predecode("stdin", "2015 Dec 29 10:00:01 linux-agent sshd[29205]: Invalid user blimey");

        assertThat(event.timestamp()).isEqualTo("2015 Dec 29 10:00:01");
        assertThat(event.programName()).isEqualTo("sshd");
    }

    @Test
    void rsyslogIsoDateWithMicrosecondsAndOffsetIsRecognised() {
        Event event = predecode("stdin", "2009-05-22T09:36:46.214994-07:00 linux-agent sshd[29205]: Invalid user");

        assertThat(event.timestamp()).isEqualTo("2009-05-22T09:36:46.214994-07:00");
        assertThat(event.programName()).isEqualTo("sshd");
        assertThat(event.log()).isEqualTo("Invalid user");
    }

    @Test
    void proftpdDateIsRecognised() {
        Event event = predecode("stdin", "2015-04-16 21:51:02,805 linux-agent sshd[29205]: Invalid user blimey");

        assertThat(event.timestamp()).isEqualTo("2015-04-16 21:51:02,805");
        assertThat(event.programName()).isEqualTo("sshd");
    }

    @Test
    void xferlogDateGivesATimestampButNoProgram() {
        Event event = predecode("stdin", "Mon Apr 17 18:27:14 2006 1 64.160.42.130 linux-agent sshd[29205]: x");

        assertThat(event.timestamp()).isEqualTo("Mon Apr 17 18:27:14 2006");
        assertThat(event.programName()).isNull();
        assertThat(event.log()).isEqualTo("1 64.160.42.130 linux-agent sshd[29205]: x");
    }

    @Test
    void solarisHeaderWithoutHostnameMakesTheTokenTheProgram() {
        Event event = predecode("stdin", "Dec 29 10:00:01 su: 'su root' succeeded for user");

        assertThat(event.programName()).isEqualTo("su");
        assertThat(event.syslogHostname()).isNull();
        assertThat(event.log()).isEqualTo("'su root' succeeded for user");
    }

    @Test
    void idTagAfterTheProgramIsRemoved() {
        Event event = predecode("stdin", "Dec 29 10:00:01 host sshd[1]: [ID 800047 auth.info] Accepted publickey");

        assertThat(event.log()).isEqualTo("Accepted publickey");
    }

    @Test
    void textWithoutAHeaderKeepsTheWholeLineAsLog() {
        Event event = predecode("stdin", "{\"srcip\":\"10.0.0.1\"}");

        assertThat(event.timestamp()).isNull();
        assertThat(event.programName()).isNull();
        assertThat(event.log()).isEqualTo("{\"srcip\":\"10.0.0.1\"}");
        assertThat(event.hostname()).isEqualTo("manager");
    }

    @Test
    void agentLocationGivesAgentIdNameIpAndThePathAsAlertLocation() {
        Event event = predecode("[001] (web01) 10.0.0.5->/var/log/secure", "Dec 29 10:00:01 h sshd[1]: x");

        assertThat(event.agentId()).isEqualTo("001");
        assertThat(event.agentName()).isEqualTo("web01");
        assertThat(event.agentIp()).isEqualTo("10.0.0.5");
        assertThat(event.hostname()).isEqualTo("web01");
        assertThat(event.location()).isEqualTo("(web01) 10.0.0.5->/var/log/secure");
        assertThat(event.alertLocation()).isEqualTo("/var/log/secure");
    }

    @Test
    void agentIpAnyIsLeftOut() {
        Event event = predecode("[002] (db) any->/var/log/x", "x");

        assertThat(event.agentIp()).isNull();
    }
}
