package io.tcpwatch.rules.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdom2.Document;
import org.jdom2.Element;

import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.xml.WazuhXml;
import io.tcpwatch.rules.xml.WazuhXmlException;

/**
 * The parts of decoder and rule files the lint reasons about, read with {@link WazuhXml} and kept with
 * their file and line. This is not the engine's model: it keeps what the engine drops (raw ids, the
 * element each value came from) and nothing the checks do not need.
 */
final class LintModel {

    /** One pattern as Wazuh would compile it; repeated elements already concatenated. */
    record PatternDef(String element, String typeAttribute, PatternType defaultType, String text, int line) {
    }

    /** A named value with the line of the element it came from. */
    record Located(String value, int line) {
    }

    /** A {@code <list field="..." lookup="..." check_value="...">path</list>} lookup. */
    record ListDef(String field, String lookup, String checkValue, String path, int line) {
    }

    record DecoderDef(Path file, int line, String name, String parent, List<String> order, int orderLine,
            boolean plugin, List<PatternDef> patterns) {

        String label() {
            return "decoder " + this.name;
        }
    }

    /**
     * One rule. {@code ifSid} is the raw text of {@code <if_sid>} (null when absent); {@code otherParents}
     * says whether {@code if_group}, {@code if_level} or {@code if_matched_group} also attach the rule.
     */
    record RuleDef(Path file, int line, String id, boolean overwrite, Located ifSid, Located ifMatchedSid,
            boolean otherParents, Located decodedAs, List<Located> fields, List<Located> staticFields,
            List<Located> listFields, List<ListDef> lists, Located description, List<PatternDef> patterns) {

        String label() {
            return "rule " + this.id;
        }
    }

    /** A parsed file, or the reason it could not be parsed. */
    record Parsed(Path file, Document document, WazuhXmlException failure) {
    }

    /**
     * Rule elements that test a static field, with the field they need. {@code user} needs
     * {@code dstuser} or {@code srcuser}; the lint treats it as needing either.
     */
    static final Map<String, String> STATIC_RULE_ELEMENTS = Map.ofEntries(
            Map.entry("srcip", "srcip"), Map.entry("dstip", "dstip"), Map.entry("srcport", "srcport"),
            Map.entry("dstport", "dstport"), Map.entry("user", "user"), Map.entry("id", "id"),
            Map.entry("url", "url"), Map.entry("status", "status"), Map.entry("protocol", "protocol"),
            Map.entry("action", "action"), Map.entry("data", "data"), Map.entry("extra_data", "extra_data"),
            Map.entry("system_name", "system_name"));

    /** Rule elements whose text is a pattern, with the matcher Wazuh uses when there is no type. */
    private static final Map<String, PatternType> RULE_PATTERN_ELEMENTS = Map.ofEntries(
            Map.entry("match", PatternType.OSMATCH), Map.entry("regex", PatternType.OSREGEX),
            Map.entry("field", PatternType.OSREGEX), Map.entry("srcport", PatternType.OSMATCH),
            Map.entry("dstport", PatternType.OSMATCH), Map.entry("id", PatternType.OSMATCH),
            Map.entry("url", PatternType.OSMATCH), Map.entry("status", PatternType.OSMATCH),
            Map.entry("protocol", PatternType.OSMATCH), Map.entry("system_name", PatternType.OSMATCH),
            Map.entry("data", PatternType.OSMATCH), Map.entry("extra_data", PatternType.OSMATCH),
            Map.entry("hostname", PatternType.OSMATCH), Map.entry("program_name", PatternType.OSMATCH),
            Map.entry("location", PatternType.OSMATCH), Map.entry("user", PatternType.OSMATCH),
            Map.entry("srcgeoip", PatternType.OSMATCH), Map.entry("dstgeoip", PatternType.OSMATCH),
            Map.entry("if_matched_regex", PatternType.OSREGEX));

    /** Elements Wazuh concatenates when repeated, rather than testing each. */
    private static final List<String> CONCATENATED = List.of("match", "regex", "prematch");

    private LintModel() {
    }

    static Parsed parse(Path file) {
        try {
            return new Parsed(file, WazuhXml.parse(file), null);
        }
        catch (WazuhXmlException ex) {
            return new Parsed(file, null, ex);
        }
    }

    static List<DecoderDef> decoders(Parsed parsed) {
        List<DecoderDef> decoders = new ArrayList<>();
        if (parsed.document() == null) {
            return decoders;
        }
        XmlVariables variables = new XmlVariables();
        for (Element element : parsed.document().getRootElement().getChildren()) {
            if (element.getName().equals("var")) {
                variables.define(element.getAttributeValue("name", ""), element.getText());
            }
            else if (element.getName().equals("decoder")) {
                decoders.add(decoder(parsed.file(), element, variables));
            }
        }
        return decoders;
    }

    private static DecoderDef decoder(Path file, Element element, XmlVariables variables) {
        Element order = element.getChild("order");
        List<String> fields = new ArrayList<>();
        if (order != null) {
            for (String name : order.getText().split(",")) {
                if (!name.isBlank()) {
                    fields.add(name.strip());
                }
            }
        }
        List<PatternDef> patterns = new ArrayList<>();
        addPatterns(element, "prematch", PatternType.OSREGEX, variables, patterns);
        addPatterns(element, "regex", PatternType.OSREGEX, variables, patterns);
        addPatterns(element, "program_name", PatternType.OSMATCH, variables, patterns);
        return new DecoderDef(file, WazuhXml.line(element), element.getAttributeValue("name", ""),
                text(element.getChild("parent")), List.copyOf(fields), order == null ? 0 : WazuhXml.line(order),
                element.getChild("plugin_decoder") != null, List.copyOf(patterns));
    }

    static List<RuleDef> rules(Parsed parsed) {
        List<RuleDef> rules = new ArrayList<>();
        if (parsed.document() == null) {
            return rules;
        }
        XmlVariables variables = new XmlVariables();
        collectRules(parsed.file(), parsed.document().getRootElement(), variables, rules);
        return rules;
    }

    private static void collectRules(Path file, Element parent, XmlVariables variables, List<RuleDef> rules) {
        for (Element element : parent.getChildren()) {
            switch (element.getName()) {
                case "var" -> variables.define(element.getAttributeValue("name", ""), element.getText());
                case "group" -> collectRules(file, element, variables, rules);
                case "rule" -> rules.add(rule(file, element, variables));
                default -> {
                }
            }
        }
    }

    private static RuleDef rule(Path file, Element element, XmlVariables variables) {
        List<Located> fields = new ArrayList<>();
        List<Located> statics = new ArrayList<>();
        List<Located> lists = new ArrayList<>();
        List<ListDef> lookups = new ArrayList<>();
        List<PatternDef> patterns = new ArrayList<>();
        for (Element child : element.getChildren()) {
            String name = child.getName();
            int line = WazuhXml.line(child);
            if (name.equals("field")) {
                fields.add(new Located(child.getAttributeValue("name", ""), line));
            }
            else if (name.equals("list")) {
                lists.add(new Located(child.getAttributeValue("field", ""), line));
                lookups.add(new ListDef(child.getAttributeValue("field", ""),
                        child.getAttributeValue("lookup", "match_key"), child.getAttributeValue("check_value"),
                        child.getTextTrim(), line));
            }
            String needed = STATIC_RULE_ELEMENTS.get(name);
            if (needed != null) {
                statics.add(new Located(needed, line));
            }
        }
        for (Map.Entry<String, PatternType> entry : RULE_PATTERN_ELEMENTS.entrySet()) {
            addPatterns(element, entry.getKey(), entry.getValue(), variables, patterns);
        }
        Element action = element.getChild("action");
        if (action != null && action.getAttribute("type") != null) {
            addPatterns(element, "action", PatternType.OSMATCH, variables, patterns);
        }
        patterns.sort((a, b) -> Integer.compare(a.line(), b.line()));
        List<Element> descriptions = element.getChildren("description");
        Located description = null;
        if (!descriptions.isEmpty()) {
            StringBuilder text = new StringBuilder();
            descriptions.forEach(d -> text.append(d.getText()));
            description = new Located(text.toString().strip(), WazuhXml.line(descriptions.get(0)));
        }
        boolean otherParents = element.getChild("if_group") != null || element.getChild("if_level") != null
                || element.getChild("if_matched_group") != null;
        return new RuleDef(file, WazuhXml.line(element), element.getAttributeValue("id", "").strip(),
                "yes".equals(element.getAttributeValue("overwrite")), located(element.getChild("if_sid")),
                located(element.getChild("if_matched_sid")), otherParents, located(element.getChild("decoded_as")),
                List.copyOf(fields), List.copyOf(statics), List.copyOf(lists), List.copyOf(lookups), description,
                List.copyOf(patterns));
    }

    private static void addPatterns(Element owner, String name, PatternType defaultType, XmlVariables variables,
            List<PatternDef> out) {
        List<Element> elements = owner.getChildren(name);
        if (elements.isEmpty()) {
            return;
        }
        if (CONCATENATED.contains(name)) {
            StringBuilder text = new StringBuilder();
            String type = null;
            for (Element element : elements) {
                text.append(variables.expand(element.getText()));
                type = element.getAttributeValue("type", type);
            }
            out.add(new PatternDef(name, type, defaultType, text.toString(), WazuhXml.line(elements.get(0))));
            return;
        }
        for (Element element : elements) {
            String label = name.equals("field") ? "field name=\"" + element.getAttributeValue("name", "") + "\"" : name;
            out.add(new PatternDef(label, element.getAttributeValue("type"), defaultType,
                    variables.expand(element.getText()), WazuhXml.line(element)));
        }
    }

    private static Located located(Element element) {
        return element == null ? null : new Located(element.getTextTrim(), WazuhXml.line(element));
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextTrim();
    }

    static PatternType typeNamed(String attribute) {
        return switch (attribute.strip().toLowerCase(Locale.ROOT)) {
            case "osregex" -> PatternType.OSREGEX;
            case "osmatch" -> PatternType.OSMATCH;
            case "pcre2" -> PatternType.PCRE2;
            default -> null;
        };
    }
}
