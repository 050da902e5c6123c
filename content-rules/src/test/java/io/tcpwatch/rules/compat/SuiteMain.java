package io.tcpwatch.rules.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tcpwatch.rules.ruleset.LoadedRuleset;

/** Prints the Wazuh suite tally with every failure; for working on the engine ({@code java ... SuiteMain DIR}). */
public final class SuiteMain {

    private SuiteMain() {
    }

    public static void main(String[] args) throws Exception {
        Path wazuh = Path.of(args.length > 0 ? args[0] : System.getProperty("tcpwatch.wazuhDir"));
        Path scratch = Files.createTempDirectory("suite");
        LoadedRuleset ruleset = WazuhSuite.load(wazuh, scratch);
        ruleset.messages().forEach(m -> System.out.println("LOAD " + m));
        List<WazuhSuite.FileTally> tallies = WazuhSuite.run(ruleset, WazuhSuite.iniFiles(wazuh));
        int passed = 0;
        int total = 0;
        for (WazuhSuite.FileTally tally : tallies) {
            passed += tally.passed();
            total += tally.total();
            System.out.println(tally.file().getFileName() + ": " + tally.passed() + " of " + tally.total());
            tally.failures().forEach(f -> System.out.println("  FAIL " + f));
        }
        System.out.println("wazuh suite: " + passed + " of " + total + " sections pass");
    }
}
