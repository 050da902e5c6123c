package io.tcpwatch.rules.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jdom2.Document;
import org.jdom2.Element;

import io.tcpwatch.rules.xml.WazuhXml;
import io.tcpwatch.rules.xml.WazuhXmlException;

/**
 * Loads decoders, rules and CDB lists in analysisd's order: all decoder files of all directories sorted
 * together by base name, then all rule files likewise, each file in document order.
 *
 * <p>Unlike analysisd, which stops at the first bad file, a file that fails to parse or validate is skipped
 * whole with an {@link LoadMessage.Severity#ERROR} naming the file, line and reason, and loading goes on. A
 * decoder whose parent is unknown and a rule whose {@code if_sid}, {@code decoded_as} or list is unknown are
 * skipped individually the same way.
 */
public final class RulesetLoader {

    /**
     * Decoders built into analysisd (FIM, rootcheck, inventory, Windows event channel, SCA, CIS-CAT). Their
     * names are known to {@code <decoded_as>}, but this engine never produces them: the events they decode
     * arrive on dedicated queues, not as log lines.
     */
    public static final List<String> INTERNAL_DECODERS = List.of("rootcheck", "syscheck_integrity_changed",
            "syscheck_deleted", "syscheck_new_entry", "syscheck_registry_key_modified", "syscheck_registry_key_deleted",
            "syscheck_registry_key_added", "syscheck_registry_value_modified", "syscheck_registry_value_deleted",
            "syscheck_registry_value_added", "hostinfo_modified", "hostinfo_new", "syscollector", "ciscat", "sca",
            "windows_eventchannel", "dbsync", "upgrade");

    private final List<LoadMessage> messages = new ArrayList<>();

    private final Map<String, Integer> decoderIds = new HashMap<>();

    private final List<Decoder> decoders = new ArrayList<>();

    private final List<Decoder> pn = new ArrayList<>();

    private final List<Decoder> nopn = new ArrayList<>();

    private final List<Rule> rules = new ArrayList<>();

    private final Map<Integer, Rule> rulesById = new LinkedHashMap<>();

    private final List<Rule> roots = new ArrayList<>();

    private final Map<String, CdbList> lists = new LinkedHashMap<>();

    private final List<Path> decoderFiles = new ArrayList<>();

    private final List<Path> ruleFiles = new ArrayList<>();

    private RulesetLoader() {
        for (String name : INTERNAL_DECODERS) {
            this.decoderIds.put(name, this.decoderIds.size() + 1);
        }
    }

    /** Loads everything {@code sources} names. Never throws for bad content: see {@link LoadedRuleset#messages()}. */
    public static LoadedRuleset load(RulesetSources sources) {
        RulesetLoader loader = new RulesetLoader();
        return loader.run(sources);
    }

    private LoadedRuleset run(RulesetSources sources) {
        Set<String> decoderExclude = new LinkedHashSet<>(sources.decoderExcludes());
        Set<String> ruleExclude = new LinkedHashSet<>(sources.ruleExcludes());
        List<Path> decoderDirs = new ArrayList<>();
        List<Path> ruleDirs = new ArrayList<>();
        List<Path> decoderSingles = new ArrayList<>();
        List<Path> ruleSingles = new ArrayList<>();
        if (sources.ruleset() != null) {
            requireDir(sources.ruleset());
            decoderDirs.add(sources.ruleset().resolve("decoders"));
            ruleDirs.add(sources.ruleset().resolve("rules"));
            readLists(sources.ruleset().resolve("lists"));
        }
        if (sources.etc() != null) {
            Path etc = sources.etc();
            requireDir(etc);
            if (!sources.excludesFromConfig()) {
                readConfig(etc, decoderExclude, ruleExclude);
            }
            decoderDirs.add(etc.resolve("decoders"));
            ruleDirs.add(etc.resolve("rules"));
            addIfFile(etc.resolve("local_decoder.xml"), decoderSingles);
            addIfFile(etc.resolve("local_rules.xml"), ruleSingles);
            readLists(etc.resolve("lists"));
        }
        for (Path extra : sources.extras()) {
            requireDir(extra);
            boolean layered = Files.isDirectory(extra.resolve("decoders")) || Files.isDirectory(extra.resolve("rules"));
            if (layered) {
                decoderDirs.add(extra.resolve("decoders"));
                ruleDirs.add(extra.resolve("rules"));
                readLists(extra.resolve("lists"));
            }
            else {
                for (Path file : xmlFiles(extra)) {
                    String name = file.getFileName().toString();
                    if (name.contains("decoder")) {
                        decoderSingles.add(file);
                    }
                    else if (name.contains("rule")) {
                        ruleSingles.add(file);
                    }
                }
            }
        }
        for (Path file : ordered(decoderDirs, decoderSingles, decoderExclude)) {
            loadDecoderFile(file);
        }
        assignDecoderIds();
        for (Path file : ordered(ruleDirs, ruleSingles, ruleExclude)) {
            loadRuleFile(file);
        }
        return new LoadedRuleset(this.decoderFiles, this.ruleFiles, this.decoders, this.pn, this.nopn,
                this.decoderIds, this.rules, this.rulesById, this.roots, this.lists, this.messages);
    }

    private void requireDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            this.messages.add(LoadMessage.error(dir, 0, "", "not a directory; nothing loaded from it"));
        }
    }

    private static void addIfFile(Path file, List<Path> into) {
        if (Files.isRegularFile(file)) {
            into.add(file);
        }
    }

    private List<Path> ordered(List<Path> dirs, List<Path> singles, Set<String> exclude) {
        List<Path> files = new ArrayList<>(singles);
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                files.addAll(xmlFiles(dir));
            }
        }
        List<Path> kept = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean excluded = exclude.contains(name) || exclude.contains(file.toString());
            if (!excluded && seen.add(file.toAbsolutePath().normalize())) {
                kept.add(file);
            }
        }
        kept.sort(Comparator.comparing((Path p) -> p.getFileName().toString()));
        return kept;
    }

    private List<Path> xmlFiles(Path dir) {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        catch (IOException ex) {
            this.messages.add(LoadMessage.error(dir, 0, "", "cannot list directory: " + ex));
            return List.of();
        }
    }

    private void readConfig(Path etc, Set<String> decoderExclude, Set<String> ruleExclude) {
        for (String name : List.of("ossec.conf", "ossec-server.conf")) {
            Path config = etc.resolve(name);
            if (!Files.isRegularFile(config)) {
                continue;
            }
            Document document;
            try {
                document = WazuhXml.parse(config);
            }
            catch (WazuhXmlException ex) {
                this.messages.add(LoadMessage.error(config, ex.line(), "", ex.getMessage()
                        + "; exclusions are not read from it"));
                return;
            }
            decoderExclude.clear();
            ruleExclude.clear();
            for (Element top : document.getRootElement().getChildren()) {
                for (Element ruleset : top.getChildren("ruleset")) {
                    for (Element option : ruleset.getChildren()) {
                        String text = option.getTextTrim();
                        switch (XmlSupport.name(option)) {
                            case "decoder_exclude" -> decoderExclude.add(Path.of(text).getFileName().toString());
                            case "rule_exclude" -> ruleExclude.add(Path.of(text).getFileName().toString());
                            default -> {
                            }
                        }
                    }
                }
            }
            return;
        }
    }

    private void readLists(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> stream = Files.walk(dir)) {
            files = stream.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            this.messages.add(LoadMessage.error(dir, 0, "", "cannot list directory: " + ex));
            return;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".cdb") || name.endsWith(".tmp") || name.startsWith(".")) {
                continue;
            }
            String listName = "etc/lists/" + dir.relativize(file).toString().replace('\\', '/');
            try {
                this.lists.put(listName, CdbList.read(listName, file));
            }
            catch (IOException ex) {
                this.messages.add(LoadMessage.error(file, 0, "list", "cannot read list: " + ex
                        + "; rules using [" + listName + "] are skipped"));
            }
            catch (IllegalArgumentException ex) {
                this.messages.add(LoadMessage.error(file, 0, "list", ex.getMessage()
                        + "; rules using [" + listName + "] are skipped"));
            }
        }
    }

    private Element parse(Path file) {
        try {
            Element root = WazuhXml.parse(file).getRootElement();
            XmlSupport.applyVariables(root, file, this.messages);
            return root;
        }
        catch (WazuhXmlException ex) {
            this.messages.add(LoadMessage.error(file, ex.line(), "", ex.getMessage().substring(
                    ex.getMessage().indexOf(": ", String.valueOf(file).length()) + 2) + "; file skipped"));
            return null;
        }
    }

    private void loadDecoderFile(Path file) {
        Element root = parse(file);
        if (root == null) {
            return;
        }
        List<Decoder> read;
        try {
            read = new DecoderReader(file, this.messages).read(root);
        }
        catch (LoadError ex) {
            this.messages.add(LoadMessage.error(file, ex.line(), ex.element(), ex.getMessage() + "; file skipped"));
            return;
        }
        this.decoderFiles.add(file);
        for (Decoder decoder : read) {
            this.decoderIds.putIfAbsent(decoder.name(), this.decoderIds.size() + 1);
            addDecoder(decoder);
        }
    }

    private void addDecoder(Decoder decoder) {
        String where = "decoder name=\"" + decoder.name() + "\"";
        if (decoder.isRoot()) {
            if (decoder.regexOffset() == Decoder.Offset.AFTER_REGEX) {
                this.messages.add(LoadMessage.error(decoder.file(), decoder.line(), where,
                        "offset [after_regex] needs an earlier sibling; decoder skipped"));
                return;
            }
            (decoder.programName() != null ? this.pn : this.nopn).add(decoder);
            this.decoders.add(decoder);
            return;
        }
        List<Decoder> parents = new ArrayList<>();
        for (List<Decoder> list : List.of(this.pn, this.nopn)) {
            for (Decoder root : list) {
                if (root.name().equals(decoder.parentName())) {
                    parents.add(root);
                }
            }
        }
        if (parents.isEmpty()) {
            this.messages.add(LoadMessage.error(decoder.file(), decoder.line(), where, "parent decoder ["
                    + decoder.parentName() + "] is not loaded before this decoder; decoder skipped"));
            return;
        }
        for (Decoder parent : parents) {
            String problem = siblingProblem(parent, decoder);
            if (problem != null) {
                this.messages.add(LoadMessage.error(decoder.file(), decoder.line(), where, problem
                        + "; decoder skipped"));
                return;
            }
        }
        for (Decoder parent : parents) {
            for (Decoder sibling : parent.children) {
                if (sibling.name().equals(decoder.name())) {
                    sibling.getNext = true;
                }
            }
            parent.children.add(decoder);
        }
        this.decoders.add(decoder);
    }

    private static String siblingProblem(Decoder parent, Decoder decoder) {
        boolean earlier = false;
        for (Decoder sibling : parent.children) {
            if (!sibling.name().equals(decoder.name())) {
                continue;
            }
            earlier = true;
            if (decoder.prematch() != null) {
                return "a sibling of [" + decoder.name() + "] (same name, same parent) cannot have a <prematch>";
            }
            if (!decoder.fts().isEmpty()) {
                return "a sibling of [" + decoder.name() + "] (same name, same parent) cannot have <fts>";
            }
            boolean siblingExtracts = sibling.regex() != null || sibling.plugin() != null;
            boolean extracts = decoder.regex() != null || decoder.plugin() != null;
            if (!siblingExtracts || !extracts) {
                return "siblings named [" + decoder.name() + "] must each have a <regex> or <plugin_decoder>";
            }
        }
        if (decoder.regexOffset() == Decoder.Offset.AFTER_REGEX && !earlier) {
            return "offset [after_regex] needs an earlier sibling with the same name";
        }
        return null;
    }

    private void assignDecoderIds() {
        for (Decoder decoder : this.decoders) {
            if (decoder.isRoot()) {
                decoder.id = this.decoderIds.get(decoder.name());
                decoder.reportedName = decoder.name();
            }
        }
        for (Decoder decoder : this.decoders) {
            if (!decoder.isRoot()) {
                if (decoder.useOwnName()) {
                    decoder.id = this.decoderIds.get(decoder.name());
                    decoder.reportedName = decoder.name();
                }
                else {
                    decoder.id = this.decoderIds.get(decoder.parentName());
                    decoder.reportedName = decoder.parentName();
                }
            }
        }
    }

    private void loadRuleFile(Path file) {
        Element root = parse(file);
        if (root == null) {
            return;
        }
        List<Rule> read;
        try {
            read = new RuleReader(file, this.messages).read(root);
        }
        catch (LoadError ex) {
            this.messages.add(LoadMessage.error(file, ex.line(), ex.element(), ex.getMessage() + "; file skipped"));
            return;
        }
        this.ruleFiles.add(file);
        for (Rule rule : read) {
            addRule(rule);
        }
    }

    private void addRule(Rule rule) {
        String where = "rule id=\"" + rule.id() + "\"";
        if (rule.decodedAs != null) {
            Integer id = this.decoderIds.get(rule.decodedAs);
            if (id == null) {
                this.messages.add(LoadMessage.error(rule.file(), rule.line(), where, "<decoded_as> names unknown"
                        + " decoder [" + rule.decodedAs + "]; rule skipped"));
                return;
            }
            rule.decodedAsId = id;
        }
        for (Rule.ListLookup lookup : rule.lists()) {
            if (!this.lists.containsKey(lookup.listPath())) {
                this.messages.add(LoadMessage.error(rule.file(), rule.line(), where, "list [" + lookup.listPath()
                        + "] is not loaded; rule skipped"));
                return;
            }
        }
        Rule existing = this.rulesById.get(rule.id());
        if (rule.overwrite) {
            if (existing == null) {
                this.messages.add(LoadMessage.error(rule.file(), rule.line(), where, "overwrite rule ["
                        + rule.id() + "] not found; rule skipped"));
                return;
            }
            RuleTree.overwrite(existing, rule);
            return;
        }
        if (existing != null) {
            this.messages.add(LoadMessage.warning(rule.file(), rule.line(), where, "duplicate rule id ["
                    + rule.id() + "] (first at " + existing.file().getFileName() + ":" + existing.line()
                    + ") without overwrite=\"yes\"; rule skipped"));
            return;
        }
        if (rule.id() < 10) {
            this.roots.add(rule);
        }
        else {
            List<String> warnings = new ArrayList<>();
            String problem = RuleTree.attach(rule, this.rules, this.rulesById, this.roots, warnings);
            for (String warning : warnings) {
                this.messages.add(LoadMessage.warning(rule.file(), rule.line(), where, warning));
            }
            if (problem != null) {
                this.messages.add(LoadMessage.error(rule.file(), rule.line(), where, problem + "; rule skipped"));
                return;
            }
        }
        this.rules.add(rule);
        this.rulesById.put(rule.id(), rule);
    }
}
