package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ruleset loaded as analysisd loads it: the two root decoder lists (with and without
 * {@code <program_name>}), the rule tree under the root rules, the CDB lists, and every message the loader
 * produced. Immutable once returned by {@link RulesetLoader}.
 */
public final class LoadedRuleset {

    /** The most program names whose matching roots are kept; the cache starts over when it is full. */
    private static final int PROGRAM_NAMES_CACHED = 4096;

    private final List<Path> decoderFiles;

    private final List<Path> ruleFiles;

    private final List<Decoder> decoders;

    private final List<Decoder> rootsWithProgramName;

    private final List<Decoder> rootsWithoutProgramName;

    /** {@link #rootsWithoutProgramName} split by the first char of the log. */
    private final RootIndex rootsWithoutProgramNameIndex;

    /**
     * Per program name seen, the roots of {@link #rootsWithProgramName} whose {@code <program_name>} it
     * matches, in order: a program name repeats across events, and its test against every root is a pure
     * function of it. Bounded by {@link #PROGRAM_NAMES_CACHED}.
     */
    private final Map<String, RootIndex> rootsByProgramName = new ConcurrentHashMap<>();

    private final Map<String, Integer> decoderIds;

    private final List<Rule> rules;

    private final Map<Integer, Rule> rulesById;

    private final List<Rule> roots;

    /** Rules with {@code <if_matched_group>}, in load order. */
    private final List<Rule> groupCorrelators;

    /** Per rule that fired, the group correlators whose list it feeds; filled on first use. */
    private final Map<Rule, List<Rule>> correlatorsFedBy = new ConcurrentHashMap<>();

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
        this.rootsWithoutProgramNameIndex = new RootIndex(this.rootsWithoutProgramName);
        this.decoderIds = Map.copyOf(decoderIds);
        this.rules = List.copyOf(rules);
        this.rulesById = Collections.unmodifiableMap(rulesById);
        this.roots = List.copyOf(roots);
        List<Rule> correlators = new ArrayList<>();
        for (Rule rule : this.rules) {
            if (rule.ifMatchedGroup() != null) {
                correlators.add(rule);
            }
        }
        this.groupCorrelators = List.copyOf(correlators);
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

    /**
     * The roots of {@link #rootsWithProgramName()} whose {@code <program_name>} matches {@code programName},
     * in the same order.
     */
    public List<Decoder> rootsMatchingProgramName(String programName) {
        return programNameIndex(programName).all();
    }

    /**
     * The roots, in load order, to try on an event: those of {@link #rootsMatchingProgramName} (or of
     * {@link #rootsWithoutProgramName()} when {@code programName} is {@code null}) less the ones whose prematch
     * cannot match {@code log} by its first char. The first of them that matches is the first of the whole
     * list that does.
     */
    public List<Decoder> candidateRoots(String programName, String log) {
        RootIndex index = programName == null ? this.rootsWithoutProgramNameIndex : programNameIndex(programName);
        return index.candidates(log);
    }

    private RootIndex programNameIndex(String programName) {
        RootIndex roots = this.rootsByProgramName.get(programName);
        if (roots == null) {
            List<Decoder> matching = new ArrayList<>();
            for (Decoder root : this.rootsWithProgramName) {
                if (root.programName().matches(programName)) {
                    matching.add(root);
                }
            }
            roots = new RootIndex(matching);
            if (this.rootsByProgramName.size() >= PROGRAM_NAMES_CACHED) {
                this.rootsByProgramName.clear();
            }
            this.rootsByProgramName.put(programName, roots);
        }
        return roots;
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

    /**
     * The rules with {@code <if_matched_group>} whose group pattern matches {@code rule}'s groups, in load
     * order: the correlation lists an event that fired {@code rule} goes into.
     */
    public List<Rule> correlatorsFedBy(Rule rule) {
        List<Rule> fed = this.correlatorsFedBy.get(rule);
        if (fed == null) {
            List<Rule> matching = new ArrayList<>();
            for (Rule correlator : this.groupCorrelators) {
                if (correlator.ifMatchedGroup().matches(rule.groupText())) {
                    matching.add(correlator);
                }
            }
            fed = List.copyOf(matching);
            this.correlatorsFedBy.put(rule, fed);
        }
        return fed;
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
