package io.tcpwatch.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesetTesterTests {

    private static final String ROOTS = """
            <group name="syslog,"><rule id="1" level="0" noalert="1"><category>syslog</category>
            <description>Generic template for all syslog rules.</description></rule></group>
            """;

    private static final String DECODERS = """
            <decoder name="svc"><program_name>^svc$</program_name><regex>user=(\\S+)</regex><order>user</order>
            </decoder>
            """;

    private static final String RULES = """
            <group name="svc,"><rule id="100" level="5"><decoded_as>svc</decoded_as>
            <description>svc: Login of $(dstuser).</description></rule></group>
            """;

    private static final String LINE = "Dec 29 10:00:01 host svc[1]: login user=bob";

    @TempDir
    Path dir;

    private Path ruleset;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeRuleset() throws IOException {
        this.ruleset = this.dir.resolve("ruleset");
        Files.createDirectories(this.ruleset.resolve("decoders"));
        Files.createDirectories(this.ruleset.resolve("rules"));
        Files.writeString(this.ruleset.resolve("decoders").resolve("0100-svc_decoders.xml"), DECODERS);
        Files.writeString(this.ruleset.resolve("rules").resolve("0010-rules_config.xml"), ROOTS);
        Files.writeString(this.ruleset.resolve("rules").resolve("0100-svc_rules.xml"), RULES);
    }

    private int run(String stdin, String... args) {
        RulesetTester tester = new RulesetTester(new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return tester.run(args);
    }

    private String out() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logtestPrintsTheThreePhases() {
        int code = run(LINE + "\n", "logtest", "--wazuh", this.ruleset.toString(), "--manager", "m");

        assertThat(code).isZero();
        assertThat(out()).startsWith("""
                **Phase 1: Completed pre-decoding.
                \tfull event: 'Dec 29 10:00:01 host svc[1]: login user=bob'
                \ttimestamp: 'Dec 29 10:00:01'
                \thostname: 'host'
                \tprogram_name: 'svc'

                **Phase 2: Completed decoding.
                \tname: 'svc'
                \tdstuser: 'bob'

                **Phase 3: Completed filtering (rules).
                \tid: '100'
                \tlevel: '5'
                \tdescription: 'svc: Login of bob.'
                \tgroups: '['svc']'
                \tfiredtimes: '1'
                \tmail: 'false'
                **Alert to be generated.
                """);
    }

    @Test
    void logtestJsonPrintsOneAlertLinePerMatchedEventWithTheGivenLocation() {
        int code = run(LINE + "\nunrelated line\n", "logtest", "--json", "--location", "/var/log/svc.log",
                "--wazuh", this.ruleset.toString());

        assertThat(code).isZero();
        assertThat(out().lines().toList()).singleElement().asString()
                .startsWith("{\"timestamp\":\"").contains("\"rule\":{\"level\":5,")
                .endsWith("\"data\":{\"dstuser\":\"bob\"},\"location\":\"/var/log/svc.log\"}");
    }

    @Test
    void testCommandEndsWithTheTallyAndFailsOnAFailingCase() throws IOException {
        Path ini = this.dir.resolve("svc.ini");
        Files.writeString(ini, """
                [login]
                log 1 pass = %s
                rule = 100
                alert = 5
                decoder = svc

                [wrong level]
                log 1 pass = %s
                rule = 100
                alert = 7
                decoder = svc
                """.formatted(LINE, LINE));

        int code = run("", "test", "--wazuh", this.ruleset.toString(), ini.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains(ini + ": FAILED [wrong level] log 1 pass (line 8): expected rule 100, level 7,"
                + " decoder 'svc'. Got rule 100, level 5, decoder 'svc'");
        assertThat(out().lines().reduce((a, b) -> b)).hasValue("1 passed, 1 failed");
    }

    @Test
    void testCommandPassesWhenEveryCasePasses() throws IOException {
        Path ini = this.dir.resolve("svc.ini");
        Files.writeString(ini, "[login]\nlog 1 pass = " + LINE + "\nlog 2 fail = nothing\nrule = 100\nalert = 5\n"
                + "decoder = svc\n");

        int code = run("", "test", "--wazuh", this.ruleset.toString(), this.dir.toString());

        assertThat(code).isZero();
        assertThat(out().lines().reduce((a, b) -> b)).hasValue("2 passed, 0 failed");
    }

    @Test
    void unknownCommandIsAUsageError() {
        int code = run("", "frobnicate", "--wazuh", this.ruleset.toString());

        assertThat(code).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8))
                .startsWith("ruleset-tester: unknown command [frobnicate]\nusage: ruleset-tester <command>");
    }

    @Test
    void missingRulesetDirectoryIsAUsageError() {
        Path absent = this.dir.resolve("absent");

        int code = run("", "logtest", "--wazuh", absent.toString());

        assertThat(code).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).isEqualTo("ruleset-tester: [" + absent
                + "] is not a directory\n");
    }

    @Test
    void loadErrorInTheUsersFilesGivesExitCodeTwo() throws IOException {
        Path extra = Files.createDirectories(this.dir.resolve("extra"));
        Files.writeString(extra.resolve("0200-bad_rules.xml"), "<group name=\"x\">\n<rule id=\"7x\" level=\"3\">"
                + "<description>d</description></rule></group>\n");

        int code = run(LINE + "\n", "logtest", "--json", "--wazuh", this.ruleset.toString(), "--extra",
                extra.toString());

        assertThat(code).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(extra.resolve("0200-bad_rules.xml")
                + ":2: error: <rule id=\"7x\">: invalid rule id [7x]: must be an integer of at most 6 digits;"
                + " rule skipped");
    }

    @Test
    void lintReportsFindingsOfTheExtraFilesWithExitCodeOne() throws IOException {
        Path extra = Files.createDirectories(this.dir.resolve("extra"));
        Files.writeString(extra.resolve("0200-dup_rules.xml"), """
                <group name="svc,"><rule id="100" level="3"><decoded_as>svc</decoded_as>
                <description>svc: Duplicate of a default rule.</description></rule></group>
                """);

        int code = run("", "lint", "--quiet", "--wazuh", this.ruleset.toString(), "--extra", extra.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("0200-dup_rules.xml").contains("100");
    }
}
