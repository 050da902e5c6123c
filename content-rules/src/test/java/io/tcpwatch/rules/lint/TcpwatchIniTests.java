package io.tcpwatch.rules.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.ini.IniFile;
import io.tcpwatch.rules.ini.IniRunner;
import io.tcpwatch.rules.ruleset.LoadMessage;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;

/**
 * tcpwatch's {@code .ini} tests pass through the engine, with Wazuh's whole default ruleset loaded next to
 * tcpwatch's decoders, rules and lists, so a default decoder or rule that takes tcpwatch's events fails.
 */
class TcpwatchIniTests {

    private static final Path INI = TcpwatchContentLintTests.RULESET.resolve("tests/tcpwatch.ini");

    private static LoadedRuleset ruleset;

    @BeforeAll
    static void loadDefaultRulesetPlusTcpwatch() {
        ruleset = RulesetLoader.load(RulesetSources.create()
                .wazuh(TcpwatchContentLintTests.wazuhRuleset())
                .extra(TcpwatchContentLintTests.RULESET));
    }

    @ParameterizedTest(name = "location {0}")
    @ValueSource(strings = {"tcpwatch", "stdin", "/var/log/tcpwatch/events.json"})
    void everySectionPassesWhateverTheLocation(String location) throws IOException {
        IniRunner runner = new IniRunner(ruleset, EngineOptions.defaults(), location);

        List<IniRunner.SectionResult> results = runner.run(IniFile.read(INI));

        List<String> failures = results.stream().flatMap(s -> s.cases().stream())
                .filter(c -> !c.passed()).map(IniRunner.CaseResult::explain).toList();
        assertThat(failures).isEmpty();
        assertThat(results).hasSize(42);
    }

    @Test
    void tcpwatchFilesLoadWithoutMessages() {
        List<LoadMessage> ours = ruleset.messages().stream()
                .filter(m -> m.file() != null && m.file().startsWith(TcpwatchContentLintTests.RULESET))
                .toList();

        assertThat(ours).isEmpty();
        assertThat(ruleset.lists()).containsKeys("etc/lists/tcpwatch-known-bad-ips",
                "etc/lists/tcpwatch-expected-listeners");
    }
}
