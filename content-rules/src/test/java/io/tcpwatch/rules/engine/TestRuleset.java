package io.tcpwatch.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.RulesetLoader;
import io.tcpwatch.rules.ruleset.RulesetSources;

/** Writes a small ruleset (the seven root rules plus the given decoders and rules) for engine tests. */
public final class TestRuleset {

    /** The root rules of 0010-rules_config.xml, one per category. */
    public static final String ROOTS = """
            <group name="syslog,"><rule id="1" level="0" noalert="1"><category>syslog</category>
            <description>Generic template for all syslog rules.</description></rule></group>
            <group name="firewall,"><rule id="2" level="0" noalert="1"><category>firewall</category>
            <description>Generic template for all firewall rules.</description></rule></group>
            <group name="web-log,"><rule id="4" level="0" noalert="1"><category>web-log</category>
            <description>Generic template for all web rules.</description></rule></group>
            """;

    public static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private TestRuleset() {
    }

    /** Writes {@code decoders} and {@code rules} under {@code dir} and loads them. */
    public static LoadedRuleset load(Path dir, String decoders, String rules) {
        try {
            Files.createDirectories(dir.resolve("decoders"));
            Files.createDirectories(dir.resolve("rules"));
            Files.writeString(dir.resolve("decoders").resolve("0100-test_decoders.xml"), decoders);
            Files.writeString(dir.resolve("rules").resolve("0010-rules_config.xml"), ROOTS);
            Files.writeString(dir.resolve("rules").resolve("0100-test_rules.xml"), rules);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return RulesetLoader.load(RulesetSources.create().wazuh(dir));
    }

    /** A manager named {@code manager} whose clock stands still at {@link #NOW}. */
    public static EngineOptions options() {
        return new EngineOptions("manager", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A session over {@code ruleset} with {@link #options()}. */
    public static Session session(LoadedRuleset ruleset) {
        return Session.create(ruleset, options());
    }
}
