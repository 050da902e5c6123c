package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A ruleset loaded as analysisd loads it: the two root decoder lists (with and without
 * {@code <program_name>}), the rule tree under the root rules, the CDB lists, and every message the loader
 * produced. Immutable once returned by {@link RulesetLoader}.
 */
public final class LoadedRuleset {

    private final List<Path> decoderFiles;

    private final List<Path> ruleFiles;

    private final List<Decoder> decoders;

    private final List<Decoder> rootsWithProgramName;

    private final List<Decoder> rootsWithoutProgramName;

    private final Map<String, Integer> decoderIds;

    private final List<Rule> rules;

    private final Map<Integer, Rule> rulesById;

    private final List<Rule> roots;

    private final Map<String, CdbList> lists;

    private final List<LoadMessage> messages;

    LoadedRuleset(List<Path> decoderFiles, List<Path> ruleFiles, List<Decoder> decoders,
            List<Decoder> rootsWithProgramName, List<Decoder> rootsWithoutProgramName, Map<String, Integer> decoderIds,
            List<Rule> rules, Map<Integer, Rule> rulesById, List<Rule> roots, Map<String, CdbList> lists,
            List<LoadMessage> messages) {
        this.decoderFiles = List.copyOf(decoderFiles);
        this.ruleFiles = List.copyOf(ruleFiles);
        this.decoders = List.copyOf(decoders);
        this.rootsWithProgramName = List.copyOf(rootsWithProgramName);
        this.rootsWithoutProgramName = List.copyOf(rootsWithoutProgramName);
        this.decoderIds = Map.copyOf(decoderIds);
        this.rules = List.copyOf(rules);
        this.rulesById = Collections.unmodifiableMap(rulesById);
        this.roots = List.copyOf(roots);
        this.lists = Map.copyOf(lists);
        this.messages = List.copyOf(messages);
    }

    /** Decoder files that loaded, in load order. */
    public List<Path> decoderFiles() {
        return this.decoderFiles;
    }

    /** Rule files that loaded, in load order. */
    public List<Path> ruleFiles() {
        return this.ruleFiles;
    }

    /** Every decoder that loaded, in load order. */
    public List<Decoder> decoders() {
        return this.decoders;
    }

    /** Root decoders tried when the pre-decoder found a program name. */
    public List<Decoder> rootsWithProgramName() {
        return this.rootsWithProgramName;
    }

    /** Root decoders tried when there is no program name. */
    public List<Decoder> rootsWithoutProgramName() {
        return this.rootsWithoutProgramName;
    }

    /** The decoder id of a name, or {@code null}. */
    public Integer decoderId(String name) {
        return this.decoderIds.get(name);
    }

    /** Every rule in the tree, in load order (an overwritten rule appears once, with its new content). */
    public List<Rule> rules() {
        return this.rules;
    }

    /** The rule with this id, or {@code null}. */
    public Rule rule(int id) {
        return this.rulesById.get(id);
    }

    /** The root rules (ids below 10), in load order. */
    public List<Rule> roots() {
        return this.roots;
    }

    /** CDB lists by the name rules use ({@code etc/lists/...}). */
    public Map<String, CdbList> lists() {
        return this.lists;
    }

    /** Everything the loader reported, in the order it happened. */
    public List<LoadMessage> messages() {
        return this.messages;
    }

    /** Whether any {@link LoadMessage.Severity#ERROR} was reported. */
    public boolean hasErrors() {
        return this.messages.stream().anyMatch(m -> m.severity() == LoadMessage.Severity.ERROR);
    }
}
