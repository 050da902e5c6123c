package io.tcpwatch.rules.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tcpwatch.rules.lint.LintModel.DecoderDef;
import io.tcpwatch.rules.lint.LintModel.Located;
import io.tcpwatch.rules.lint.LintModel.Parsed;
import io.tcpwatch.rules.lint.LintModel.PatternDef;
import io.tcpwatch.rules.lint.LintModel.RuleDef;
import io.tcpwatch.rules.regex.PatternSyntaxError;
import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.regex.Patterns;

/**
 * Checks Wazuh 4.x decoder and rule files for mistakes Wazuh itself accepts silently or reports only at
 * manager start: duplicate rule ids, parents that do not exist, misspelled {@code <order>} fields,
 * patterns that do not compile, rules no event can reach, ids outside the file's reserved range and
 * descriptions not of the form {@code <product>: <Sentence>.} (see {@link LintCheck} for the full list).
 *
 * <p>Only the <em>checked</em> files get findings. <em>Reference</em> files (typically Wazuh's default
 * ruleset) are loaded so that ids and decoder names defined there resolve. Files are read with the same
 * lenient reader as the engine ({@link io.tcpwatch.rules.xml.WazuhXml}).
 *
 * <p>Reachability is checked only where it can be decided from the files alone. A rule is reported as
 * testing a field that is never decoded only when its decoder is known ({@code <decoded_as>}, its own or
 * shared by all its {@code if_sid} ancestors) and that decoder family is regex-based: a plugin decoder
 * such as {@code JSON_Decoder} can set any field, so its rules are not checked. The lint does NOT prove
 * that a pattern can match, nor that rule conditions are consistent with each other.
 */
public final class RulesetLint {

    /** The standard static {@code <order>} names that a misspelled field is compared against. */
    static final List<String> STATIC_ORDER_FIELDS = List.of("srcip", "dstip", "srcport", "dstport", "srcuser",
            "dstuser", "user", "protocol", "action", "id", "url", "data", "extra_data", "status", "system_name");

    /**
     * Decoders analysisd builds in code rather than from XML; {@code <decoded_as>} may name them, and
     * their fields are not known from the files.
     */
    static final Set<String> BUILT_IN_DECODERS = Set.of("rootcheck", "syscheck_integrity_changed",
            "syscheck_deleted", "syscheck_new_entry", "syscheck_registry_key_modified", "syscheck_registry_key_deleted",
            "syscheck_registry_key_added", "syscheck_registry_value_modified", "syscheck_registry_value_deleted",
            "syscheck_registry_value_added", "hostinfo_modified", "hostinfo_new", "syscollector", "ciscat", "sca",
            "windows_eventchannel", "dbsync");

    /** Fields shorter than this are compared by case only: {@code ip} is a fine dynamic field, not "id". */
    private static final int FUZZY_MIN_LENGTH = 5;

    private static final int LONG_NAME_LENGTH = 7;

    private static final Pattern ID_RANGE = Pattern.compile("(?i)\\bID:?\\s*(\\d{1,6})\\s*-\\s*(\\d{1,6})");

    private static final Pattern RULE_ID = Pattern.compile("\\d{1,6}");

    private static final Pattern IF_SID = Pattern.compile("[\\d, ]+");

    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]*: [A-Z0-9].*\\.");

    /** The names Wazuh refuses in {@code <field name="...">}, compared without case. */
    static final Set<String> STATIC_RULE_FIELDS = Set.of("srcip", "dstip", "srcgeoip", "dstgeoip", "srcport",
            "dstport", "user", "srcuser", "dstuser", "url", "id", "data", "extra_data", "status", "protocol",
            "system_name", "action");

    /** The {@code lookup} values Wazuh accepts, in its documentation's order. */
    static final List<String> LIST_LOOKUPS = List.of("match_key", "not_match_key", "match_key_value",
            "address_match_key", "not_address_match_key", "address_match_key_value");

    private static final Pattern RULE_FILE = Pattern.compile("\\d{4}-[a-z0-9][a-z0-9._-]*_rules\\.xml");

    private static final Pattern DECODER_FILE = Pattern.compile("\\d{4}-[a-z0-9][a-z0-9._-]*_decoders\\.xml");

    private final List<Path> decoderFiles;

    private final List<Path> ruleFiles;

    private final List<Path> referenceDecoderFiles;

    private final List<Path> referenceRuleFiles;

    private final List<Path> listDirectories;

    private final List<Finding> findings = new ArrayList<>();

    private boolean ran;

    private RulesetLint(Builder builder) {
        this.decoderFiles = List.copyOf(builder.decoderFiles);
        this.ruleFiles = List.copyOf(builder.ruleFiles);
        this.referenceDecoderFiles = List.copyOf(builder.referenceDecoderFiles);
        this.referenceRuleFiles = List.copyOf(builder.referenceRuleFiles);
        this.listDirectories = List.copyOf(builder.listDirectories);
    }

    /** Starts describing a lint run. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code .xml} files directly in {@code directory}, sorted by file name as Wazuh loads them.
     *
     * @throws UncheckedIOException naming the directory when it cannot be listed
     */
    public static List<Path> xmlFilesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list ruleset directory [" + directory + "]: " + ex.getMessage(),
                    ex);
        }
    }

    /** Runs every check. A run is not reusable: build a new lint for another run. */
    public synchronized LintReport run() {
        if (this.ran) {
            throw new IllegalStateException("this lint has already run; build a new one");
        }
        this.ran = true;
        Set<Path> checked = new HashSet<>();
        checked.addAll(this.decoderFiles);
        checked.addAll(this.ruleFiles);

        List<DecoderDef> decoders = new ArrayList<>();
        for (Path file : sortedByName(concat(this.referenceDecoderFiles, this.decoderFiles))) {
            Parsed parsed = parseReporting(file, checked.contains(file));
            decoders.addAll(LintModel.decoders(parsed));
        }
        List<RuleDef> rules = new ArrayList<>();
        for (Path file : sortedByName(concat(this.referenceRuleFiles, this.ruleFiles))) {
            Parsed parsed = parseReporting(file, checked.contains(file));
            List<RuleDef> fileRules = LintModel.rules(parsed);
            rules.addAll(fileRules);
            if (checked.contains(file) && parsed.document() != null) {
                checkIdRange(file, fileRules);
            }
        }

        for (Path file : this.decoderFiles) {
            checkFileName(file, DECODER_FILE, "NNNN-<product>_decoders.xml");
        }
        for (Path file : this.ruleFiles) {
            checkFileName(file, RULE_FILE, "NNNN-<product>_rules.xml");
        }
        Set<String> decoderNames = new HashSet<>();
        decoders.forEach(d -> decoderNames.add(d.name()));
        for (DecoderDef decoder : decoders) {
            if (checked.contains(decoder.file())) {
                if (decoder.parent() != null && !decoderNames.contains(decoder.parent())) {
                    add(LintCheck.UNKNOWN_DECODER, decoder.file(), decoder.line(), decoder.label(), "parent ["
                            + decoder.parent() + "] is not defined in the loaded decoders");
                }
                checkOrder(decoder);
                checkPatterns(decoder.file(), decoder.label(), decoder.patterns());
            }
        }
        new RuleChecks(rules, decoders, checked, listNames()).run();
        return new LintReport(this.findings, checked.size());
    }

    /** The names rules use for the lists in the list directories ({@code etc/lists/<path>}), or null. */
    private Set<String> listNames() {
        if (this.listDirectories.isEmpty()) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (Path dir : this.listDirectories) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".cdb"))
                        .forEach(f -> names.add("etc/lists/" + dir.relativize(f).toString().replace('\\', '/')));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot list CDB list directory [" + dir + "]: " + ex.getMessage(), ex);
            }
        }
        return names;
    }

    private Parsed parseReporting(Path file, boolean checked) {
        Parsed parsed = LintModel.parse(file);
        if (parsed.failure() != null && checked) {
            String message = parsed.failure().getMessage();
            String prefix = file + ":" + parsed.failure().line() + ": ";
            add(LintCheck.MALFORMED_XML, file, parsed.failure().line(), "file",
                    message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
        return parsed;
    }

    private void checkFileName(Path file, Pattern expected, String form) {
        String name = file.getFileName().toString();
        if (!expected.matcher(name).matches()) {
            add(LintCheck.FILE_NAME, file, 0, "file", "name [" + name + "] is not of the form [" + form + "]");
        }
    }

    private void checkIdRange(Path file, List<RuleDef> rules) {
        int[] range = headerRange(file);
        if (range == null) {
            add(LintCheck.MISSING_ID_RANGE, file, 1, "file",
                    "no header comment reserves a rule id range (write e.g. [ID: 110000 - 110099])");
            return;
        }
        for (RuleDef rule : rules) {
            if (RULE_ID.matcher(rule.id()).matches()) {
                int id = Integer.parseInt(rule.id());
                if (id < range[0] || id > range[1]) {
                    add(LintCheck.RULE_ID_OUTSIDE_RANGE, file, rule.line(), rule.label(), "id [" + id
                            + "] is outside the range [" + range[0] + " - " + range[1] + "] the file header reserves");
                }
            }
        }
    }

    /** The range of the first {@code ID: a - b} in the comments before the file's first element, or null. */
    private static int[] headerRange(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        catch (IOException ex) {
            return null;
        }
        int i = 0;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                i = end < 0 ? text.length() : end + 2;
                continue;
            }
            if (!text.startsWith("<!--", i)) {
                return null;
            }
            int end = text.indexOf("-->", i);
            String comment = text.substring(i, end < 0 ? text.length() : end);
            Matcher m = ID_RANGE.matcher(comment);
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
            if (end < 0) {
                return null;
            }
            i = end + 3;
        }
    }

    private void checkOrder(DecoderDef decoder) {
        for (String field : decoder.order()) {
            if (STATIC_ORDER_FIELDS.contains(field)) {
                continue;
            }
            String meant = misspelledStaticField(field);
            if (meant != null) {
                add(LintCheck.MISSPELLED_ORDER_FIELD, decoder.file(), decoder.orderLine(),
                        "<order> of " + decoder.label(), "field [" + field + "] is not a Wazuh static field;"
                                + " it looks like a misspelling of [" + meant + "] and would become a dynamic field");
            }
        }
    }

    /** The static field {@code field} is probably a misspelling of, or null. */
    static String misspelledStaticField(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        for (String name : STATIC_ORDER_FIELDS) {
            if (lower.equals(name)) {
                return name;
            }
        }
        for (String name : STATIC_ORDER_FIELDS) {
            if (name.length() < FUZZY_MIN_LENGTH) {
                continue;
            }
            int allowed = name.length() >= LONG_NAME_LENGTH ? 2 : 1;
            if (EditDistance.between(lower, name) <= allowed) {
                return name;
            }
        }
        return null;
    }

    private void checkPatterns(Path file, String owner, List<PatternDef> patterns) {
        for (PatternDef pattern : patterns) {
            PatternType type = pattern.defaultType();
            if (pattern.typeAttribute() != null) {
                type = LintModel.typeNamed(pattern.typeAttribute());
                if (type == null) {
                    add(LintCheck.INVALID_PATTERN, file, pattern.line(), "<" + pattern.element() + "> of " + owner,
                            "type [" + pattern.typeAttribute() + "] is not one of [osregex, osmatch, pcre2]");
                    continue;
                }
            }
            try {
                Patterns.compile(type, pattern.text());
            }
            catch (PatternSyntaxError ex) {
                add(LintCheck.INVALID_PATTERN, file, pattern.line(), "<" + pattern.element() + "> of " + owner,
                        ex.getMessage());
            }
        }
    }

    private void add(LintCheck check, Path file, int line, String element, String message) {
        this.findings.add(new Finding(check, file, line, element, message));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        b.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return all;
    }

    private static List<Path> sortedByName(List<Path> files) {
        return files.stream().sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
    }

    /** Why a rule can never fire: the check that reports it, the line to report, the message. */
    private record Never(LintCheck check, int line, String message) {
    }

    /** The rule-level checks, which need the whole loaded ruleset. */
    private final class RuleChecks {

        private final List<RuleDef> rules;

        private final Set<Path> checked;

        private final Map<String, List<RuleDef>> byId = new LinkedHashMap<>();

        private final Map<String, List<DecoderDef>> decoderFamilies = new HashMap<>();

        private final Map<RuleDef, String> decoderOf = new HashMap<>();

        private final Map<RuleDef, Never> whyNever = new HashMap<>();

        private final Set<String> listNames;

        private final Map<RuleDef, Integer> loadOrder = new IdentityHashMap<>();

        RuleChecks(List<RuleDef> rules, List<DecoderDef> decoders, Set<Path> checked, Set<String> listNames) {
            this.rules = rules;
            this.checked = checked;
            this.listNames = listNames;
            for (RuleDef rule : rules) {
                this.byId.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(rule);
                this.loadOrder.put(rule, this.loadOrder.size());
            }
            for (DecoderDef decoder : decoders) {
                this.decoderFamilies.computeIfAbsent(decoder.name(), k -> new ArrayList<>()).add(decoder);
            }
            for (DecoderDef decoder : decoders) {
                if (decoder.parent() != null && this.decoderFamilies.containsKey(decoder.parent())) {
                    List<DecoderDef> family = this.decoderFamilies.get(decoder.parent());
                    if (!family.contains(decoder)) {
                        family.add(decoder);
                    }
                }
            }
        }

        void run() {
            for (RuleDef rule : this.rules) {
                if (!this.checked.contains(rule.file())) {
                    continue;
                }
                checkId(rule);
                checkParents(rule);
                checkLists(rule);
                checkPatterns(rule.file(), rule.label(), rule.patterns());
                checkDescription(rule);
            }
            for (RuleDef rule : this.rules) {
                Never never = neverFires(rule, new HashSet<>());
                if (never != null && this.checked.contains(rule.file())) {
                    add(never.check(), rule.file(), never.line(), rule.label(), never.message());
                }
            }
        }

        private void checkId(RuleDef rule) {
            if (!RULE_ID.matcher(rule.id()).matches()) {
                add(LintCheck.INVALID_RULE_ID, rule.file(), rule.line(), rule.label(),
                        "id [" + rule.id() + "] is not a number of 1 to 6 digits");
                return;
            }
            List<RuleDef> same = this.byId.get(rule.id());
            int index = same.indexOf(rule);
            for (int i = 0; i < same.size(); i++) {
                RuleDef other = same.get(i);
                boolean laterOverwrites = i > index ? other.overwrite() : rule.overwrite();
                if (other != rule && !laterOverwrites) {
                    add(LintCheck.DUPLICATE_RULE_ID, rule.file(), rule.line(), rule.label(), "id [" + rule.id()
                            + "] is also defined at " + other.file() + ":" + other.line()
                            + " (without overwrite=\"yes\" Wazuh keeps the first and skips the other)");
                }
            }
        }

        private void checkParents(RuleDef rule) {
            for (Located parents : parentElements(rule)) {
                String element = parents == rule.ifSid() ? "if_sid" : "if_matched_sid";
                if (!IF_SID.matcher(parents.value()).matches()) {
                    add(LintCheck.UNKNOWN_PARENT_RULE, rule.file(), parents.line(), "<" + element + "> of "
                            + rule.label(), "[" + parents.value() + "] is not a list of rule ids");
                    continue;
                }
                boolean attaches = parents == rule.ifSid() || rule.ifSid() == null;
                for (String id : ids(parents.value())) {
                    List<RuleDef> defined = this.byId.get(id);
                    if (defined == null) {
                        add(LintCheck.UNKNOWN_PARENT_RULE, rule.file(), parents.line(), "<" + element + "> of "
                                + rule.label(), "rule [" + id + "] is not defined in the loaded ruleset");
                    }
                    else if (attaches && defined.stream().allMatch(p -> loadOrder(p) >= loadOrder(rule))) {
                        RuleDef first = defined.get(0);
                        add(LintCheck.UNKNOWN_PARENT_RULE, rule.file(), parents.line(), "<" + element + "> of "
                                + rule.label(), "rule [" + id + "] is defined only at " + first.file() + ":"
                                + first.line() + ", which loads after this rule; Wazuh refuses a parent it has"
                                + " not loaded yet");
                    }
                }
            }
        }

        /** The rule's place in Wazuh's load order: files by name, then document order. */
        private int loadOrder(RuleDef rule) {
            return this.loadOrder.get(rule);
        }

        private void checkLists(RuleDef rule) {
            for (LintModel.ListDef list : rule.lists()) {
                String element = "<list> of " + rule.label();
                if (!LIST_LOOKUPS.contains(list.lookup())) {
                    add(LintCheck.INVALID_LIST, rule.file(), list.line(), element, "lookup [" + list.lookup()
                            + "] is not one of " + LIST_LOOKUPS);
                }
                else if (list.lookup().endsWith("_value") && list.checkValue() == null) {
                    add(LintCheck.INVALID_LIST, rule.file(), list.line(), element, "lookup [" + list.lookup()
                            + "] needs a check_value attribute");
                }
                if (this.listNames != null && !this.listNames.contains(list.path())) {
                    add(LintCheck.INVALID_LIST, rule.file(), list.line(), element, "list [" + list.path()
                            + "] is not in the given list directories");
                }
            }
        }

        private void checkDescription(RuleDef rule) {
            if (rule.description() == null) {
                add(LintCheck.DESCRIPTION_FORM, rule.file(), rule.line(), rule.label(), "has no <description>");
            }
            else if (!DESCRIPTION.matcher(rule.description().value().replaceAll("\\s+", " ")).matches()) {
                add(LintCheck.DESCRIPTION_FORM, rule.file(), rule.description().line(), "<description> of "
                        + rule.label(), "[" + rule.description().value()
                        + "] is not of the form [<product>: <Sentence>.]");
            }
        }

        /**
         * Why {@code rule} can never fire, or null when it may. The root cause of a chain is reported on the
         * rule that has it; its descendants get {@link LintCheck#UNREACHABLE_RULE}.
         */
        private Never neverFires(RuleDef rule, Set<RuleDef> visiting) {
            if (this.whyNever.containsKey(rule)) {
                return this.whyNever.get(rule);
            }
            if (!visiting.add(rule)) {
                return null;
            }
            Never never = unknownDecoder(rule);
            if (never == null) {
                never = staticFieldInField(rule);
            }
            if (never == null) {
                never = missingField(rule);
            }
            if (never == null && !rule.otherParents()) {
                List<String> parentIds = parentIds(rule);
                if (!parentIds.isEmpty() && parentIds.stream().allMatch(this.byId::containsKey)) {
                    boolean anyParentFires = parentIds.stream().flatMap(id -> this.byId.get(id).stream())
                            .anyMatch(parent -> neverFires(parent, visiting) == null);
                    if (!anyParentFires) {
                        never = new Never(LintCheck.UNREACHABLE_RULE, rule.line(), "every parent rule ["
                                + String.join(", ", parentIds) + "] can never fire, so this rule cannot either");
                    }
                }
            }
            visiting.remove(rule);
            this.whyNever.put(rule, never);
            return never;
        }

        /** The finding for a {@code <decoded_as>} naming no decoder (Wazuh does not load the rule), or null. */
        private Never unknownDecoder(RuleDef rule) {
            Located decodedAs = rule.decodedAs();
            if (decodedAs == null || this.decoderFamilies.containsKey(decodedAs.value())
                    || BUILT_IN_DECODERS.contains(decodedAs.value())) {
                return null;
            }
            return new Never(LintCheck.UNKNOWN_DECODER, decodedAs.line(), "<decoded_as> names decoder ["
                    + decodedAs.value() + "], which is not defined in the loaded decoders");
        }

        /** The finding for a {@code <field>} naming a static field (Wazuh does not load the rule), or null. */
        private Never staticFieldInField(RuleDef rule) {
            for (Located field : rule.fields()) {
                String name = field.value().toLowerCase(Locale.ROOT);
                if (STATIC_RULE_FIELDS.contains(name)) {
                    return new Never(LintCheck.STATIC_FIELD_IN_FIELD, field.line(), "<field name=\"" + field.value()
                            + "\"> names a static field, which Wazuh refuses; test it with <" + name + ">");
                }
            }
            return null;
        }

        /** The finding for a rule that tests a field its decoder never sets, or null. */
        private Never missingField(RuleDef rule) {
            String decoder = decoderOf(rule, new HashSet<>());
            Set<String> decoded = decoder == null ? null : decodedFields(decoder);
            if (decoded == null) {
                return null;
            }
            String known = " (its <order> fields: " + String.join(", ", new TreeSet<>(decoded)) + ")";
            List<Located> needed = new ArrayList<>(rule.fields());
            needed.addAll(rule.listFields());
            for (Located field : needed) {
                if (!decoded.contains(field.value().toLowerCase(Locale.ROOT))) {
                    return new Never(LintCheck.FIELD_NEVER_DECODED, field.line(), "tests field [" + field.value()
                            + "], which decoder [" + decoder + "] never sets" + known);
                }
            }
            for (Located field : rule.staticFields()) {
                boolean set = field.value().equals("user")
                        ? decoded.contains("dstuser") || decoded.contains("srcuser")
                        : decoded.contains(field.value());
                if (!set) {
                    return new Never(LintCheck.FIELD_NEVER_DECODED, field.line(), "tests <" + field.value()
                            + ">, which decoder [" + decoder + "] never sets" + known);
                }
            }
            return null;
        }

        /** The decoder name every event reaching {@code rule} was decoded by, or null when not one known. */
        private String decoderOf(RuleDef rule, Set<RuleDef> visiting) {
            if (this.decoderOf.containsKey(rule)) {
                return this.decoderOf.get(rule);
            }
            String decoder = null;
            if (rule.decodedAs() != null) {
                decoder = this.decoderFamilies.containsKey(rule.decodedAs().value()) ? rule.decodedAs().value() : null;
            }
            else if (!rule.otherParents() && visiting.add(rule)) {
                Set<String> found = new HashSet<>();
                List<String> parentIds = parentIds(rule);
                for (String id : parentIds) {
                    for (RuleDef parent : this.byId.getOrDefault(id, List.of())) {
                        found.add(Objects.toString(decoderOf(parent, visiting), "\u0000unknown"));
                    }
                }
                visiting.remove(rule);
                if (found.size() == 1 && !found.contains("\u0000unknown")) {
                    decoder = found.iterator().next();
                }
            }
            this.decoderOf.put(rule, decoder);
            return decoder;
        }

        /** The lowercase names decoder {@code name}'s family can set, or null when a plugin may set any. */
        private Set<String> decodedFields(String name) {
            Set<String> fields = new HashSet<>();
            for (DecoderDef decoder : this.decoderFamilies.get(name)) {
                if (decoder.plugin()) {
                    return null;
                }
                decoder.order().forEach(f -> fields.add(f.toLowerCase(Locale.ROOT)));
            }
            if (fields.contains("user")) {
                fields.add("dstuser");
            }
            return fields;
        }

        private List<Located> parentElements(RuleDef rule) {
            List<Located> elements = new ArrayList<>();
            if (rule.ifSid() != null) {
                elements.add(rule.ifSid());
            }
            if (rule.ifMatchedSid() != null) {
                elements.add(rule.ifMatchedSid());
            }
            return elements;
        }

        /** The ids the rule is a child of: its if_sid, or its if_matched_sid when it has no if_sid. */
        private List<String> parentIds(RuleDef rule) {
            Located parents = rule.ifSid() != null ? rule.ifSid() : rule.ifMatchedSid();
            if (parents == null || !IF_SID.matcher(parents.value()).matches()) {
                return List.of();
            }
            return ids(parents.value());
        }

        private static List<String> ids(String text) {
            List<String> ids = new ArrayList<>();
            for (String id : text.split("[, ]+")) {
                if (!id.isEmpty()) {
                    ids.add(id.replaceFirst("^0+(?=\\d)", ""));
                }
            }
            return ids;
        }
    }

    /** Describes a lint run: the files to check and the files that only resolve references. */
    public static final class Builder {

        private final List<Path> decoderFiles = new ArrayList<>();

        private final List<Path> ruleFiles = new ArrayList<>();

        private final List<Path> referenceDecoderFiles = new ArrayList<>();

        private final List<Path> referenceRuleFiles = new ArrayList<>();

        private final List<Path> listDirectories = new ArrayList<>();

        private Builder() {
        }

        /** Decoder files to check. */
        public Builder decoders(List<Path> files) {
            this.decoderFiles.addAll(Objects.requireNonNull(files, "'files' must not be null"));
            return this;
        }

        /** Rule files to check. */
        public Builder rules(List<Path> files) {
            this.ruleFiles.addAll(Objects.requireNonNull(files, "'files' must not be null"));
            return this;
        }

        /** Decoder files loaded to resolve {@code <decoded_as>} and {@code <parent>}, not checked. */
        public Builder referenceDecoders(List<Path> files) {
            this.referenceDecoderFiles.addAll(Objects.requireNonNull(files, "'files' must not be null"));
            return this;
        }

        /** Rule files loaded to resolve {@code if_sid} and duplicate ids, not checked. */
        public Builder referenceRules(List<Path> files) {
            this.referenceRuleFiles.addAll(Objects.requireNonNull(files, "'files' must not be null"));
            return this;
        }

        /**
         * Directories of CDB list sources, each laid out as a manager's {@code etc/lists}: a file
         * {@code dir/a/b} is the list rules name {@code etc/lists/a/b}. Without any, list paths are not
         * checked.
         */
        public Builder listDirectories(List<Path> directories) {
            this.listDirectories.addAll(Objects.requireNonNull(directories, "'directories' must not be null"));
            return this;
        }

        /** The lint described so far. */
        public RulesetLint build() {
            return new RulesetLint(this);
        }
    }
}
