package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jdom2.Attribute;
import org.jdom2.Element;

import io.tcpwatch.rules.regex.CompiledPattern;
import io.tcpwatch.rules.regex.PatternSyntaxError;
import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.regex.Patterns;

/**
 * Reads the {@code <group>}/{@code <rule>} elements of one rule file into {@link Rule}s. Conditions that
 * analysisd concatenates when repeated ({@code match}, {@code regex}, {@code if_sid}, the osmatch field
 * elements, {@code description}) are concatenated with no separator, and the last element's
 * {@code type}/{@code negate} wins.
 */
final class RuleReader {

    static final Set<String> CATEGORIES = Set.of("firewall", "ids", "syslog", "web-log", "squid", "windows",
            "ossec");

    /** Names a {@code <field>} may not use: analysisd stores them in static members (compared ignoring case). */
    static final Set<String> STATIC_FIELD_NAMES = Set.of("srcip", "dstip", "srcgeoip", "dstgeoip", "srcport",
            "dstport", "user", "srcuser", "dstuser", "url", "id", "data", "extra_data", "status", "protocol",
            "system_name", "action");

    private static final Set<String> OPTIONS = Set.of("alert_by_email", "no_email_alert", "log_alert", "no_log",
            "no_ar", "no_full_log", "no_counter");

    private static final Set<String> LOOKUPS = Set.of("match_key", "not_match_key", "match_key_value",
            "address_match_key", "not_address_match_key", "address_match_key_value");

    /** The osmatch-by-default string elements, each concatenated when repeated. */
    private enum Text {
        MATCH("match", PatternType.OSMATCH), REGEX("regex", PatternType.OSREGEX),
        PROGRAM_NAME("program_name", PatternType.OSMATCH), ID("id", PatternType.OSMATCH),
        SYSTEM_NAME("system_name", PatternType.OSMATCH), PROTOCOL("protocol", PatternType.OSMATCH),
        ACTION("action", null), URL("url", PatternType.OSMATCH), LOCATION("location", PatternType.OSMATCH),
        SRCPORT("srcport", PatternType.OSMATCH), DSTPORT("dstport", PatternType.OSMATCH),
        USER("user", PatternType.OSMATCH), SRCGEOIP("srcgeoip", PatternType.OSMATCH),
        DSTGEOIP("dstgeoip", PatternType.OSMATCH), DATA("data", PatternType.OSMATCH),
        EXTRA_DATA("extra_data", PatternType.OSMATCH), HOSTNAME("hostname", PatternType.OSMATCH),
        STATUS("status", PatternType.OSMATCH);

        final String element;

        final PatternType defaultType;

        Text(String element, PatternType defaultType) {
            this.element = element;
            this.defaultType = defaultType;
        }

        static Text of(String element) {
            for (Text text : values()) {
                if (text.element.equals(element)) {
                    return text;
                }
            }
            return null;
        }
    }

    /** Accumulated text of one repeated element. */
    private static final class Pending {
        final StringBuilder text = new StringBuilder();

        PatternType type;

        boolean explicitType;

        boolean negate;

        int line;
    }

    private final Path file;

    private final List<LoadMessage> messages;

    RuleReader(Path file, List<LoadMessage> messages) {
        this.file = file;
        this.messages = messages;
    }

    /**
     * Reads every rule of the file. A rule with a problem is reported and skipped; a problem in the file's
     * structure (an element other than {@code <group>}/{@code <rule>}) aborts the file.
     */
    List<Rule> read(Element root) throws LoadError {
        List<Rule> rules = new ArrayList<>();
        for (Element group : root.getChildren()) {
            if (!XmlSupport.name(group).equals("group")) {
                throw new LoadError(XmlSupport.line(group), group.getName(),
                        "invalid element: rules must be inside a <group name=\"...\">");
            }
            String groupName = group.getAttributeValue("name");
            if (groupName == null) {
                throw new LoadError(XmlSupport.line(group), "group", "missing attribute [name]");
            }
            for (Element rule : group.getChildren()) {
                if (!XmlSupport.name(rule).equals("rule")) {
                    throw new LoadError(XmlSupport.line(rule), rule.getName(),
                            "invalid element: a <group> holds only <rule> elements");
                }
                try {
                    rules.add(readRule(rule, groupName));
                }
                catch (LoadError ex) {
                    this.messages.add(LoadMessage.error(this.file, ex.line(), ex.element(), ex.getMessage()
                            + "; rule skipped"));
                }
            }
        }
        return rules;
    }

    private Rule readRule(Element element, String groupName) throws LoadError {
        int line = XmlSupport.line(element);
        String idText = element.getAttributeValue("id");
        if (idText == null) {
            throw new LoadError(line, "rule", "missing attribute [id]");
        }
        String where = "rule id=\"" + idText + "\"";
        if (!idText.matches("\\d{1,6}")) {
            throw new LoadError(line, where, "invalid rule id [" + idText
                    + "]: must be an integer of at most 6 digits");
        }
        Rule rule = new Rule(Integer.parseInt(idText), this.file, line);
        boolean levelSeen = false;
        for (Attribute attribute : element.getAttributes()) {
            String value = attribute.getValue();
            switch (attribute.getName().toLowerCase(Locale.ROOT)) {
                case "id" -> {
                }
                case "level" -> {
                    rule.level = number(value, 0, 16, line, where, "level");
                    levelSeen = true;
                }
                case "frequency" -> rule.frequency = number(value, 2, 9999, line, where, "frequency");
                case "timeframe" -> rule.timeframe = number(value, 1, 99999, line, where, "timeframe");
                case "ignore" -> rule.ignoreSeconds = number(value, 0, 999999, line, where, "ignore");
                case "maxsize" -> rule.maxsize = number(value, 1, 9999, line, where, "maxsize");
                case "noalert" -> rule.noalert = !value.trim().equals("0");
                case "overwrite" -> rule.overwrite = value.trim().equalsIgnoreCase("yes");
                case "accuracy" -> number(value, 0, 1, line, where, "accuracy");
                default -> throw new LoadError(line, where, "invalid attribute [" + attribute.getName() + "]");
            }
        }
        if (!levelSeen) {
            throw new LoadError(line, where, "missing attribute [level]");
        }
        StringBuilder groups = new StringBuilder(groupName);
        Map<Text, Pending> texts = new EnumMap<>(Text.class);
        StringBuilder ifSid = null;
        StringBuilder description = null;
        StringBuilder ifGroup = null;
        StringBuilder ifMatchedGroup = null;
        StringBuilder ifMatchedRegex = null;
        List<Pending> srcips = new ArrayList<>();
        List<Pending> dstips = new ArrayList<>();
        for (Element option : element.getChildren()) {
            String name = XmlSupport.name(option);
            int optionLine = XmlSupport.line(option);
            String text = option.getText();
            Text kind = Text.of(name);
            if (kind != null) {
                Pending pending = texts.computeIfAbsent(kind, k -> new Pending());
                pending.text.append(text);
                pending.line = optionLine;
                pending.negate = XmlSupport.negate(option);
                String typeValue = option.getAttributeValue("type");
                pending.type = null;
                pending.explicitType = false;
                if (typeValue != null) {
                    PatternType type = XmlSupport.patternType(typeValue, null);
                    if (type == null) {
                        this.messages.add(LoadMessage.warning(this.file, optionLine, where, "invalid type ["
                                + typeValue + "] on <" + name + ">: the default type is used"));
                    }
                    else {
                        pending.type = type;
                        pending.explicitType = true;
                    }
                }
                continue;
            }
            switch (name) {
                case "description" -> description = description == null ? new StringBuilder(text)
                        : description.append(text);
                case "group" -> groups.append(text);
                case "if_sid" -> ifSid = ifSid == null ? new StringBuilder(text) : ifSid.append(text);
                case "if_group" -> ifGroup = ifGroup == null ? new StringBuilder(text) : ifGroup.append(text);
                case "if_level" -> rule.ifLevel = number(text.trim(), 0, 16, optionLine, where, "if_level");
                case "if_matched_sid" -> rule.ifMatchedSid = number(text.trim(), 1, 999999, optionLine, where,
                        "if_matched_sid");
                case "if_matched_group" -> ifMatchedGroup = ifMatchedGroup == null ? new StringBuilder(text)
                        : ifMatchedGroup.append(text);
                case "if_matched_regex" -> ifMatchedRegex = ifMatchedRegex == null ? new StringBuilder(text)
                        : ifMatchedRegex.append(text);
                case "decoded_as" -> rule.decodedAs = text;
                case "category" -> {
                    if (!CATEGORIES.contains(text)) {
                        throw new LoadError(optionLine, where, "invalid category [" + text + "]: expected one of "
                                + String.join(", ", new java.util.TreeSet<>(CATEGORIES)));
                    }
                    rule.category = text;
                }
                case "field" -> rule.fields.add(readField(option, where));
                case "srcip", "dstip" -> {
                    Pending pending = new Pending();
                    pending.text.append(text);
                    pending.negate = XmlSupport.negate(option);
                    pending.line = optionLine;
                    (name.equals("srcip") ? srcips : dstips).add(pending);
                }
                case "time" -> rule.time = parse(() -> TimeWindow.parse(text), optionLine, where);
                case "weekday" -> rule.weekday = parse(() -> Weekdays.parse(text), optionLine, where);
                case "list" -> rule.lists.add(readList(option, where));
                case "options" -> {
                    for (String word : text.split(",")) {
                        String opt = word.trim();
                        if (!OPTIONS.contains(opt)) {
                            throw new LoadError(optionLine, where, "invalid option [" + opt + "] in <options>");
                        }
                        rule.options.add(opt);
                    }
                }
                case "info" -> {
                    String type = option.getAttributeValue("type", "text");
                    if (!Set.of("text", "link", "cve", "osvdb").contains(type)) {
                        throw new LoadError(optionLine, where, "invalid <info> type [" + type
                                + "]: expected text, link, cve or osvdb");
                    }
                    rule.infos.computeIfAbsent(type, t -> new ArrayList<>()).add(text);
                }
                case "cve" -> rule.cve.add(text);
                case "mitre" -> readMitre(rule, option, where);
                case "same_field" -> rule.sameFields.add(text.trim());
                case "not_same_field", "different_field" -> rule.notSameFields.add(text.trim());
                case "global_frequency" -> rule.globalFrequency = true;
                case "check_diff" -> rule.checkDiff = true;
                case "if_fts" -> rule.ifFts = true;
                case "compiled_rule" -> {
                    rule.compiledRule = CompiledRule.forName(text);
                    if (rule.compiledRule == null) {
                        throw new LoadError(optionLine, where, "unknown <compiled_rule> [" + text + "]");
                    }
                }
                case "check_if_ignored", "ignore", "var" -> this.messages.add(LoadMessage.warning(
                        this.file, optionLine, where, "not implemented: <" + name + "> is ignored"));
                default -> {
                    if (!readCorrelation(rule, name)) {
                        throw new LoadError(optionLine, where, "invalid rule option <" + option.getName() + ">");
                    }
                }
            }
        }
        if (description == null) {
            throw new LoadError(line, where, "missing <description>");
        }
        rule.description = description.toString();
        rule.groupText = groups.toString();
        rule.groups.clear();
        for (String group : groups.toString().split(",")) {
            String trimmed = group.trim();
            if (!trimmed.isEmpty()) {
                rule.groups.add(trimmed);
            }
        }
        if (ifSid != null) {
            String sids = ifSid.toString().trim();
            if (!sids.matches("[\\d, ]+")) {
                throw new LoadError(line, where, "invalid <if_sid> [" + sids + "]: expected rule ids separated by"
                        + " commas or spaces");
            }
            List<Integer> ids = new ArrayList<>();
            for (String sid : sids.split("[, ]+")) {
                if (!sid.isEmpty()) {
                    ids.add(Integer.parseInt(sid));
                }
            }
            rule.ifSid = List.copyOf(ids);
        }
        if (ifGroup != null) {
            rule.ifGroup = ifGroup.toString();
            rule.ifGroupMatcher = compile(PatternType.OSMATCH, rule.ifGroup, line, where, "if_group");
        }
        if (ifMatchedGroup != null) {
            rule.ifMatchedGroupText = ifMatchedGroup.toString();
            rule.ifMatchedGroup = compile(PatternType.OSMATCH, rule.ifMatchedGroupText, line, where,
                    "if_matched_group");
        }
        if (ifMatchedRegex != null) {
            rule.ifMatchedRegex = compile(PatternType.OSREGEX, ifMatchedRegex.toString(), line, where,
                    "if_matched_regex");
        }
        boolean context = rule.correlates();
        boolean contextOptions = !rule.same.isEmpty() || !rule.different.isEmpty() || !rule.sameFields.isEmpty()
                || !rule.notSameFields.isEmpty() || rule.frequency > 0;
        if (contextOptions && !context) {
            throw new LoadError(line, where, "invalid use of frequency/context options: missing if_matched_sid,"
                    + " if_matched_group or if_matched_regex");
        }
        if (rule.ifMatchedGroup != null && rule.ifSid.isEmpty() && rule.ifGroup == null) {
            rule.ifGroup = rule.ifMatchedGroupText;
            rule.ifGroupMatcher = rule.ifMatchedGroup;
        }
        if (rule.ifMatchedSid != 0 && rule.ifSid.isEmpty() && rule.ifGroup == null) {
            rule.ifSid = List.of(rule.ifMatchedSid);
        }
        for (Map.Entry<Text, Pending> entry : texts.entrySet()) {
            assign(rule, entry.getKey(), entry.getValue(), where);
        }
        rule.srcip = ipList(srcips, where);
        rule.dstip = ipList(dstips, where);
        return rule;
    }

    private void assign(Rule rule, Text kind, Pending pending, String where) throws LoadError {
        Expr expr;
        String source = pending.text.toString();
        if (kind == Text.ACTION && !pending.explicitType) {
            expr = Expr.exact(source, pending.negate);
        }
        else {
            PatternType type = pending.type != null ? pending.type : kind.defaultType;
            expr = Expr.of(compile(type, source, pending.line, where, kind.element), pending.negate);
        }
        switch (kind) {
            case MATCH -> rule.match = expr;
            case REGEX -> rule.regex = expr;
            case PROGRAM_NAME -> rule.programName = expr;
            case ID -> rule.idExpr = expr;
            case SYSTEM_NAME -> rule.systemName = expr;
            case PROTOCOL -> rule.protocol = expr;
            case ACTION -> rule.action = expr;
            case URL -> rule.url = expr;
            case LOCATION -> rule.location = expr;
            case SRCPORT -> rule.srcport = expr;
            case DSTPORT -> rule.dstport = expr;
            case USER -> rule.user = expr;
            case SRCGEOIP -> rule.srcgeoip = expr;
            case DSTGEOIP -> rule.dstgeoip = expr;
            case DATA -> rule.data = expr;
            case EXTRA_DATA -> rule.extraData = expr;
            case HOSTNAME -> rule.hostname = expr;
            case STATUS -> rule.status = expr;
            default -> throw new IllegalStateException("unhandled element " + kind);
        }
    }

    private static IpList ipList(List<Pending> entries, String where) throws LoadError {
        if (entries.isEmpty()) {
            return null;
        }
        IpList list = new IpList();
        for (Pending pending : entries) {
            try {
                list.add(pending.text.toString(), pending.negate);
            }
            catch (IllegalArgumentException ex) {
                throw new LoadError(pending.line, where, ex.getMessage());
            }
        }
        return list;
    }

    private Rule.FieldCondition readField(Element option, String where) throws LoadError {
        int line = XmlSupport.line(option);
        String name = option.getAttributeValue("name");
        if (name == null || name.isBlank()) {
            throw new LoadError(line, where, "<field> needs a [name] attribute");
        }
        if (STATIC_FIELD_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new LoadError(line, where, "<field name=\"" + name + "\"> names a static field; use <" + name
                    + "> instead");
        }
        String typeValue = option.getAttributeValue("type");
        PatternType type = XmlSupport.patternType(typeValue, PatternType.OSREGEX);
        if (type == null) {
            this.messages.add(LoadMessage.warning(this.file, line, where, "invalid type [" + typeValue
                    + "] on <field>: osregex is used"));
            type = PatternType.OSREGEX;
        }
        return new Rule.FieldCondition(name, Expr.of(compile(type, option.getText(), line, where, "field"),
                XmlSupport.negate(option)));
    }

    private Rule.ListLookup readList(Element option, String where) throws LoadError {
        int line = XmlSupport.line(option);
        String field = option.getAttributeValue("field");
        String lookup = option.getAttributeValue("lookup", "match_key");
        if (field == null || field.isBlank()) {
            throw new LoadError(line, where, "<list> needs a [field] attribute");
        }
        if (!LOOKUPS.contains(lookup)) {
            throw new LoadError(line, where, "invalid <list> lookup [" + lookup + "]: expected one of "
                    + String.join(", ", new java.util.TreeSet<>(LOOKUPS)));
        }
        String checkValue = option.getAttributeValue("check_value");
        CompiledPattern check = null;
        if (checkValue != null) {
            check = compile(PatternType.OSREGEX, checkValue, line, where, "list check_value");
        }
        return new Rule.ListLookup(field, lookup, option.getText().trim(), check);
    }

    private static void readMitre(Rule rule, Element option, String where) throws LoadError {
        for (Element child : option.getChildren()) {
            String name = XmlSupport.name(child);
            if (name.equals("id") || name.equals("techniqueid")) {
                String id = child.getText().trim();
                if (!id.isEmpty() && !rule.mitre.contains(id)) {
                    rule.mitre.add(id);
                }
            }
            else if (!name.equals("tacticid")) {
                throw new LoadError(XmlSupport.line(child), where, "invalid <mitre> option <" + child.getName() + ">");
            }
        }
    }

    private static boolean readCorrelation(Rule rule, String name) {
        boolean same = name.startsWith("same_");
        boolean different = name.startsWith("different_");
        if (!same && !different) {
            return false;
        }
        String what = name.substring(same ? 5 : 10);
        Rule.Correlated field = switch (what) {
            case "source_ip", "srcip" -> Rule.Correlated.SRCIP;
            case "dstip", "destination_ip" -> Rule.Correlated.DSTIP;
            case "src_port", "srcport" -> Rule.Correlated.SRCPORT;
            case "dst_port", "dstport" -> Rule.Correlated.DSTPORT;
            case "protocol" -> Rule.Correlated.PROTOCOL;
            case "action" -> Rule.Correlated.ACTION;
            case "id" -> Rule.Correlated.ID;
            case "url" -> Rule.Correlated.URL;
            case "data" -> Rule.Correlated.DATA;
            case "extra_data" -> Rule.Correlated.EXTRA_DATA;
            case "status" -> Rule.Correlated.STATUS;
            case "system_name" -> Rule.Correlated.SYSTEM_NAME;
            case "srcgeoip" -> Rule.Correlated.SRCGEOIP;
            case "dstgeoip" -> Rule.Correlated.DSTGEOIP;
            case "location" -> Rule.Correlated.LOCATION;
            case "srcuser" -> Rule.Correlated.SRCUSER;
            case "user", "dstuser" -> Rule.Correlated.USER;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        (same ? rule.same : rule.different).add(field);
        return true;
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser, int line, String where) throws LoadError {
        try {
            return parser.parse();
        }
        catch (IllegalArgumentException ex) {
            throw new LoadError(line, where, ex.getMessage());
        }
    }

    private static int number(String value, int min, int max, int line, String where, String what) throws LoadError {
        String text = value.trim();
        if (!text.matches("\\d{1,7}")) {
            throw new LoadError(line, where, "invalid " + what + " [" + value + "]: must be an integer from " + min
                    + " to " + max);
        }
        int number = Integer.parseInt(text);
        if (number < min || number > max) {
            throw new LoadError(line, where, "invalid " + what + " [" + value + "]: must be an integer from " + min
                    + " to " + max);
        }
        return number;
    }

    private static CompiledPattern compile(PatternType type, String source, int line, String where, String what)
            throws LoadError {
        try {
            return RequiredLiterals.wrap(Patterns.compileWithoutCaptures(type, source));
        }
        catch (PatternSyntaxError ex) {
            throw new LoadError(line, where, "bad <" + what + ">: " + ex.getMessage());
        }
    }
}
