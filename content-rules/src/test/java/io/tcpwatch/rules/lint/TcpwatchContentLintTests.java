package io.tcpwatch.rules.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The gate: tcpwatch's own decoders and rules lint clean against Wazuh's default ruleset. */
class TcpwatchContentLintTests {

    static final Path RULESET = Path.of("ruleset");

    /** Wazuh's ruleset directory, from the build's {@code tcpwatch.wazuhDir} property. */
    static Path wazuhRuleset() {
        String wazuhDir = System.getProperty("tcpwatch.wazuhDir");
        assertThat(wazuhDir).as("system property tcpwatch.wazuhDir (set by the build)").isNotBlank();
        Path ruleset = Path.of(wazuhDir, "ruleset");
        assertThat(ruleset).as("Wazuh ruleset directory from tcpwatch.wazuhDir").isDirectory();
        return ruleset;
    }

    @Test
    void tcpwatchContentHasNoFindings() {
        Path wazuh = wazuhRuleset();

        LintReport report = RulesetLint.builder()
                .decoders(RulesetLint.xmlFilesIn(RULESET.resolve("decoders")))
                .rules(RulesetLint.xmlFilesIn(RULESET.resolve("rules")))
                .referenceDecoders(RulesetLint.xmlFilesIn(wazuh.resolve("decoders")))
                .referenceRules(RulesetLint.xmlFilesIn(wazuh.resolve("rules")))
                .listDirectories(List.of(RULESET.resolve("lists"), wazuh.resolve("lists")))
                .build()
                .run();

        assertThat(report.format()).isEqualTo("2 files checked: 0 errors, 0 warnings");
    }
}
