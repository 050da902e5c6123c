package io.tcpwatch.rules.ini;

import java.util.ArrayList;
import java.util.List;

import io.tcpwatch.rules.engine.EngineOptions;
import io.tcpwatch.rules.engine.Result;
import io.tcpwatch.rules.engine.Session;
import io.tcpwatch.rules.ruleset.LoadedRuleset;

/**
 * Runs {@link IniFile}s the way Wazuh's {@code runtests.py} does: every {@code log} key runs its lines in a
 * fresh session (one {@code wazuh-logtest -U rule:alert:decoder} run); the last line's rule id, level and
 * decoder name must all equal the expected values, and all three must be non-empty, for the key to "pass".
 * A {@code pass} key passes when that holds, a {@code fail} key when it does not.
 */
public final class IniRunner {

    /** The outcome of one {@code log} key. */
    public record CaseResult(IniFile.Section section, IniFile.LogCase log, boolean passed, String actualRule,
            String actualLevel, String actualDecoder, String error) {

        /** "Expected ... Got ..." for a failure, as the Wazuh runner prints it. */
        public String explain() {
            if (this.error != null) {
                return "[" + this.section.title() + "] " + this.log.name() + " (line " + this.log.line()
                        + "): engine error: " + this.error;
            }
            String expectation = this.log.expectPass() ? "" : "not ";
            return "[" + this.section.title() + "] " + this.log.name() + " (line " + this.log.line() + "): expected "
                    + expectation + "rule " + this.section.rule() + ", level " + this.section.alert() + ", decoder '"
                    + this.section.decoder() + "'. Got rule " + blank(this.actualRule) + ", level "
                    + blank(this.actualLevel) + ", decoder '" + this.actualDecoder + "'";
        }

        private static String blank(String value) {
            return value.isEmpty() ? "(none)" : value;
        }
    }

    /** The outcome of one section: it passes when every one of its {@code log} keys passes. */
    public record SectionResult(IniFile.Section section, List<CaseResult> cases) {

        public boolean passed() {
            return this.cases.stream().allMatch(CaseResult::passed);
        }
    }

    private final LoadedRuleset ruleset;

    private final EngineOptions options;

    private final String location;

    public IniRunner(LoadedRuleset ruleset, EngineOptions options) {
        this(ruleset, options, "stdin");
    }

    /** A runner whose events come from {@code location} (wazuh-logtest uses {@code stdin}). */
    public IniRunner(LoadedRuleset ruleset, EngineOptions options, String location) {
        this.ruleset = ruleset;
        this.options = options;
        this.location = location;
    }

    public List<SectionResult> run(IniFile file) {
        List<SectionResult> results = new ArrayList<>();
        for (IniFile.Section section : file.sections()) {
            List<CaseResult> cases = new ArrayList<>();
            for (IniFile.LogCase log : section.logs()) {
                cases.add(runCase(section, log));
            }
            results.add(new SectionResult(section, cases));
        }
        return results;
    }

    private CaseResult runCase(IniFile.Section section, IniFile.LogCase log) {
        Session session = Session.create(this.ruleset, this.options);
        Result last = null;
        try {
            for (String line : log.lines()) {
                if (line.isEmpty()) {
                    continue;
                }
                last = session.process(this.location, line);
            }
        }
        catch (RuntimeException ex) {
            return new CaseResult(section, log, false, "", "", "", ex.toString());
        }
        String rule = "";
        String level = "";
        String decoder = "";
        if (last != null) {
            if (last.rule() != null) {
                rule = Integer.toString(last.rule().id());
                level = Integer.toString(last.rule().level());
            }
            if (last.event().decoder() != null) {
                decoder = last.event().decoder().reportedName();
            }
        }
        boolean unitPassed = !rule.isEmpty() && !level.isEmpty() && !decoder.isEmpty()
                && rule.equals(section.rule()) && level.equals(section.alert()) && decoder.equals(section.decoder());
        boolean passed = log.expectPass() == unitPassed;
        return new CaseResult(section, log, passed, rule, level, decoder, null);
    }
}
