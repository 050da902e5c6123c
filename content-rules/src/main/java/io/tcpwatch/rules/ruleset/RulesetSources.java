package io.tcpwatch.rules.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a ruleset comes from, laid out as a Wazuh manager sees it: the default ruleset
 * ({@code ruleset/decoders}, {@code ruleset/rules}, {@code ruleset/lists}), a user's {@code etc/}
 * ({@code etc/decoders}, {@code etc/rules}, {@code etc/lists}, {@code local_decoder.xml},
 * {@code local_rules.xml}, and the {@code <ruleset>} section of {@code ossec.conf}), and extra directories of
 * decoders and rules loaded as if they were in {@code etc/}.
 *
 * <p>Without an {@code ossec.conf}, the exclusions are those of Wazuh's default manager configuration
 * ({@value #DEFAULT_RULE_EXCLUDE}).
 */
public final class RulesetSources {

    /** The rule file the default manager configuration excludes. */
    public static final String DEFAULT_RULE_EXCLUDE = "0215-policy_rules.xml";

    private Path ruleset;

    private Path etc;

    private final List<Path> extras = new ArrayList<>();

    private final Set<String> decoderExclude = new LinkedHashSet<>();

    private final Set<String> ruleExclude = new LinkedHashSet<>(Set.of(DEFAULT_RULE_EXCLUDE));

    private boolean excludesFromConfig;

    /** Sources with nothing yet. */
    public static RulesetSources create() {
        return new RulesetSources();
    }

    /**
     * The default ruleset: either a Wazuh tree (holding {@code ruleset/}) or the {@code ruleset} directory
     * itself (holding {@code decoders/} and {@code rules/}).
     */
    public RulesetSources wazuh(Path dir) {
        this.ruleset = Files.isDirectory(dir.resolve("ruleset").resolve("rules")) ? dir.resolve("ruleset") : dir;
        return this;
    }

    /** A user's {@code etc/} directory. */
    public RulesetSources etc(Path dir) {
        this.etc = dir;
        return this;
    }

    /** An extra directory of decoders and rules ({@code decoders/}, {@code rules/}, {@code lists/} or flat). */
    public RulesetSources extra(Path dir) {
        this.extras.add(dir);
        return this;
    }

    /** Replaces the rule exclusions (file base names). */
    public RulesetSources ruleExclude(Set<String> names) {
        this.ruleExclude.clear();
        this.ruleExclude.addAll(names);
        this.excludesFromConfig = true;
        return this;
    }

    /** Replaces the decoder exclusions (file base names). */
    public RulesetSources decoderExclude(Set<String> names) {
        this.decoderExclude.clear();
        this.decoderExclude.addAll(names);
        this.excludesFromConfig = true;
        return this;
    }

    public Path ruleset() {
        return this.ruleset;
    }

    public Path etc() {
        return this.etc;
    }

    public List<Path> extras() {
        return List.copyOf(this.extras);
    }

    public Set<String> decoderExcludes() {
        return Set.copyOf(this.decoderExclude);
    }

    public Set<String> ruleExcludes() {
        return Set.copyOf(this.ruleExclude);
    }

    boolean excludesFromConfig() {
        return this.excludesFromConfig;
    }
}
