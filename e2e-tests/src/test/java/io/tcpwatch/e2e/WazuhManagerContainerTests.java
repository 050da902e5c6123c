package io.tcpwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.rules.ini.IniFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * tcpwatch's content on the real Wazuh manager: the official image, with tcpwatch's decoders, rules and lists
 * installed as an administrator would, runs every case of {@code tcpwatch.ini} through {@code wazuh-logtest -U},
 * the same check the ruleset engine makes in {@code mvn verify}. Needs a Docker engine; without one the class is
 * skipped by Testcontainers, with the reason in the test report.
 */
@Testcontainers(disabledWithoutDocker = true)
class WazuhManagerContainerTests {

    private static final Path CONTENT = Path.of(System.getProperty("tcpwatch.contentDir", "../content-rules/ruleset"));

    private static final Duration START = Duration.ofMinutes(3);

    @Container
    private static final GenericContainer<?> MANAGER = new GenericContainer<>(
            DockerImageName.parse(System.getProperty("tcpwatch.wazuhManagerImage", "wazuh/wazuh-manager:4.14.7")))
            .withStartupTimeout(START);

    @BeforeAll
    static void installContent() throws Exception {
        awaitLogtestSocket();
        for (String kind : List.of("decoders", "rules", "lists")) {
            try (Stream<Path> files = Files.list(CONTENT.resolve(kind))) {
                for (Path file : files.toList()) {
                    MANAGER.copyFileToContainer(MountableFile.forHostPath(file),
                            "/var/ossec/etc/" + kind + "/" + file.getFileName());
                }
            }
        }
        StringBuilder lists = new StringBuilder();
        try (Stream<Path> files = Files.list(CONTENT.resolve("lists"))) {
            files.forEach(file -> lists.append("<list>etc/lists/").append(file.getFileName()).append("</list>"));
        }
        exec("chown -R wazuh:wazuh /var/ossec/etc/decoders /var/ossec/etc/rules /var/ossec/etc/lists"
                + " && sed -i 's#<list>etc/lists/audit-keys</list>#&" + lists + "#' /var/ossec/etc/ossec.conf"
                + " && /var/ossec/bin/wazuh-control restart");
        awaitLogtestSocket();
    }

    @Test
    void everyTcpwatchIniCaseGivesTheExpectedRuleLevelAndDecoderOnTheManager() throws Exception {
        IniFile ini = IniFile.read(CONTENT.resolve("tests/tcpwatch.ini"));
        List<String> failures = new ArrayList<>();

        for (IniFile.Section section : ini.sections()) {
            for (IniFile.LogCase log : section.logs()) {
                String expected = section.rule() + ":" + section.alert() + ":" + section.decoder();
                String input = String.join("\n", log.lines()).replace("'", "'\\''");
                ExecResult result = MANAGER.execInContainer("bash", "-c",
                        "printf '%s\\n' '" + input + "' | /var/ossec/bin/wazuh-logtest -q -U " + expected);
                boolean passed = result.getExitCode() == 0;
                if (passed != log.expectPass()) {
                    failures.add(section.title() + " / " + log.name() + ": expected " + expected
                            + (log.expectPass() ? "" : " not to match") + "; logtest said " + result.getStdout());
                }
            }
        }

        assertThat(failures).isEmpty();
    }

    private static void awaitLogtestSocket() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (MANAGER.execInContainer("test", "-S", "/var/ossec/queue/sockets/logtest").getExitCode() == 0) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the manager's logtest socket did not appear within " + START);
    }

    private static void exec(String command) throws IOException, InterruptedException {
        ExecResult result = MANAGER.execInContainer("bash", "-c", command);
        assertThat(result.getExitCode()).as("%s: %s", command, result.getStderr()).isZero();
    }
}
