package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jdom2.Attribute;
import org.jdom2.Element;

import io.tcpwatch.rules.regex.CompiledPattern;
import io.tcpwatch.rules.regex.PatternSyntaxError;
import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.regex.Patterns;

/** Reads the {@code <decoder>} elements of one file into {@link Decoder}s, validating as analysisd does. */
final class DecoderReader {

    static final Set<String> TYPES = Set.of("firewall", "ids", "web-log", "syslog", "squid", "windows",
            "host-information", "ossec");

    private static final Set<String> KNOWN_PLUGINS = Set.of("PF_Decoder", "SymantecWS_Decoder",
            "SonicWall_Decoder", "OSSECAlert_Decoder", "JSON_Decoder");

    /** analysisd.decoder_order_size in internal_options.conf. */
    static final int ORDER_SIZE = 256;

    private final Path file;

    private final List<LoadMessage> messages;

    DecoderReader(Path file, List<LoadMessage> messages) {
        this.file = file;
        this.messages = messages;
    }

    /**
     * Reads every decoder of the file. A decoder with a problem is reported and skipped; an element other
     * than {@code <decoder>} aborts the file.
     */
    List<Decoder> read(Element root) throws LoadError {
        List<Decoder> decoders = new ArrayList<>();
        for (Element element : root.getChildren()) {
            if (!XmlSupport.name(element).equals("decoder")) {
                throw new LoadError(XmlSupport.line(element), element.getName(),
                        "invalid element: a decoder file holds only <decoder> and <var> elements");
            }
            try {
                decoders.add(readDecoder(element));
            }
            catch (LoadError ex) {
                this.messages.add(LoadMessage.error(this.file, ex.line(), ex.element(), ex.getMessage()
                        + "; decoder skipped"));
            }
        }
        return decoders;
    }

    private Decoder readDecoder(Element element) throws LoadError {
        int line = XmlSupport.line(element);
        String name = null;
        for (Attribute attribute : element.getAttributes()) {
            switch (attribute.getName().toLowerCase(java.util.Locale.ROOT)) {
                case "name" -> name = attribute.getValue();
                case "status" -> {
                    // Accepted by analysisd and ignored.
                }
                default -> throw new LoadError(line, "decoder", "invalid attribute [" + attribute.getName()
                        + "]: only [name] and [status] are allowed");
            }
        }
        if (name == null || name.isEmpty()) {
            throw new LoadError(line, "decoder", "missing attribute [name]");
        }
        String element0 = "decoder name=\"" + name + "\"";
        Decoder decoder = new Decoder(name, this.file, line);
        StringBuilder regex = null;
        PatternType regexType = PatternType.OSREGEX;
        StringBuilder prematch = null;
        PatternType prematchType = PatternType.OSREGEX;
        StringBuilder programName = null;
        PatternType programNameType = PatternType.OSMATCH;
        boolean hasFts = false;
        int regexLine = line;
        int prematchLine = line;
        int programNameLine = line;
        for (Element option : element.getChildren()) {
            String optionName = XmlSupport.name(option);
            int optionLine = XmlSupport.line(option);
            String text = option.getText();
            switch (optionName) {
                case "parent" -> decoder.parentName = decoder.parentName == null ? text : decoder.parentName + text;
                case "regex" -> {
                    Decoder.Offset offset = offset(option, element0, false);
                    if (regex != null && offset != Decoder.Offset.NONE) {
                        throw new LoadError(optionLine, element0, "only the first <regex> may carry an offset");
                    }
                    if (offset != Decoder.Offset.NONE) {
                        decoder.regexOffset = offset;
                    }
                    regexType = type(option, regexType, element0);
                    regexLine = optionLine;
                    regex = regex == null ? new StringBuilder(text) : regex.append(text);
                }
                case "prematch" -> {
                    Decoder.Offset offset = offset(option, element0, true);
                    if (offset == Decoder.Offset.AFTER_PARENT) {
                        decoder.prematchAfterParent = true;
                    }
                    prematchType = type(option, prematchType, element0);
                    prematchLine = optionLine;
                    prematch = prematch == null ? new StringBuilder(text) : prematch.append(text);
                }
                case "program_name" -> {
                    PatternType t = XmlSupport.patternType(option.getAttributeValue("type"), null);
                    if (option.getAttributeValue("type") != null && t == null) {
                        throw new LoadError(optionLine, element0, "invalid type [" + option.getAttributeValue("type")
                                + "] for <program_name>: expected osmatch, osregex or pcre2");
                    }
                    if (t != null) {
                        programNameType = t;
                    }
                    programNameLine = optionLine;
                    programName = programName == null ? new StringBuilder(text) : programName.append(text);
                }
                case "type" -> {
                    if (!TYPES.contains(text)) {
                        throw new LoadError(optionLine, element0, "invalid decoder type [" + text
                                + "]: expected one of "
                                + String.join(", ", new java.util.TreeSet<>(TYPES)));
                    }
                    decoder.type = text;
                }
                case "order" -> readOrder(decoder, text, optionLine, element0);
                case "plugin_decoder" -> {
                    if (!KNOWN_PLUGINS.contains(text)) {
                        throw new LoadError(optionLine, element0, "unknown plugin_decoder [" + text + "]");
                    }
                    if (text.equals("JSON_Decoder")) {
                        decoder.plugin = Decoder.Plugin.JSON_DECODER;
                    }
                    else {
                        this.messages.add(LoadMessage.warning(this.file, optionLine, element0,
                                "not implemented: plugin_decoder [" + text + "]; the decoder matches but extracts"
                                        + " no fields"));
                    }
                    decoder.pluginOffset = offset(option, element0, false);
                    if (decoder.pluginOffset == Decoder.Offset.AFTER_REGEX) {
                        throw new LoadError(optionLine, element0, "offset [after_regex] is not allowed on"
                                + " <plugin_decoder>");
                    }
                }
                case "use_own_name" -> decoder.useOwnName = text.equals("true");
                case "json_null_field" -> decoder.jsonNull = switch (text) {
                    case "string" -> Decoder.JsonNull.STRING;
                    case "discard" -> Decoder.JsonNull.DISCARD;
                    case "empty" -> Decoder.JsonNull.EMPTY;
                    default -> throw new LoadError(optionLine, element0, "invalid json_null_field [" + text
                            + "]: expected string, discard or empty");
                };
                case "json_array_structure" -> {
                    if (!text.equals("array") && !text.equals("csv")) {
                        throw new LoadError(optionLine, element0, "invalid json_array_structure [" + text
                                + "]: expected array or csv");
                    }
                    decoder.jsonArrayCsv = text.equals("csv");
                }
                case "fts" -> {
                    hasFts = true;
                    decoder.fts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                            .toList();
                }
                case "ftscomment" -> decoder.ftsComment = text;
                case "accumulate" -> decoder.accumulate = true;
                default -> throw new LoadError(optionLine, element0, "invalid decoder option <" + option.getName()
                        + ">");
            }
        }
        if (decoder.parentName != null && decoder.parentName.isEmpty()) {
            throw new LoadError(line, element0, "empty <parent>");
        }
        if (decoder.parentName == null && prematch == null && programName == null) {
            throw new LoadError(line, element0, "a root decoder needs a <prematch> or a <program_name>");
        }
        if (regex != null && decoder.order.isEmpty()) {
            throw new LoadError(line, element0, "<regex> needs an <order>");
        }
        if (regex == null && !decoder.order.isEmpty()) {
            throw new LoadError(line, element0, "<order> needs a <regex>");
        }
        if (regex != null && decoder.plugin != null) {
            throw new LoadError(line, element0, "<plugin_decoder> cannot be combined with <regex>");
        }
        if (hasFts && regex == null) {
            throw new LoadError(line, element0, "<fts> needs a <regex>");
        }
        if (decoder.prematchAfterParent && decoder.parentName == null) {
            throw new LoadError(line, element0, "offset [after_parent] needs a <parent>");
        }
        if (decoder.regexOffset == Decoder.Offset.AFTER_PARENT && decoder.parentName == null) {
            throw new LoadError(line, element0, "offset [after_parent] needs a <parent>");
        }
        if (decoder.regexOffset == Decoder.Offset.AFTER_PREMATCH) {
            if (decoder.parentName == null) {
                // analysisd rewrites it: for a root, "after the prematch" is "after the parent".
                decoder.regexOffset = Decoder.Offset.AFTER_PARENT;
            }
            else if (prematch == null) {
                throw new LoadError(line, element0, "offset [after_prematch] needs a <prematch>");
            }
        }
        if (decoder.regexOffset == Decoder.Offset.AFTER_REGEX && decoder.parentName == null) {
            throw new LoadError(line, element0, "offset [after_regex] needs a <parent>");
        }
        if (regex != null) {
            decoder.regex = compile(regexType, regex.toString(), regexLine, element0, "regex", true);
        }
        if (prematch != null) {
            decoder.prematch = compile(prematchType, prematch.toString(), prematchLine, element0, "prematch", false);
        }
        if (programName != null) {
            decoder.programName = compile(programNameType, programName.toString(), programNameLine, element0,
                    "program_name", false);
        }
        return decoder;
    }

    private void readOrder(Decoder decoder, String text, int line, String element) throws LoadError {
        List<String> order = new ArrayList<>();
        List<StaticField> statics = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String field = part.trim();
            order.add(field);
            statics.add(StaticField.forOrderName(field));
        }
        if (order.size() >= ORDER_SIZE) {
            throw new LoadError(line, element, "<order> has " + order.size() + " fields; at most "
                    + (ORDER_SIZE - 1) + " are allowed");
        }
        decoder.order = List.copyOf(order);
        decoder.orderStatic = java.util.Collections.unmodifiableList(statics);
    }

    private PatternType type(Element option, PatternType current, String element) {
        String value = option.getAttributeValue("type");
        if (value == null) {
            return current;
        }
        PatternType type = XmlSupport.patternType(value, null);
        if (type == null || type == PatternType.OSMATCH) {
            this.messages.add(LoadMessage.warning(this.file, XmlSupport.line(option), element, "invalid type ["
                    + value + "] for <" + option.getName() + ">: osregex is used"));
            return PatternType.OSREGEX;
        }
        return type;
    }

    private static Decoder.Offset offset(Element option, String element, boolean prematch) throws LoadError {
        for (Attribute attribute : option.getAttributes()) {
            if (!attribute.getName().equals("offset") && !attribute.getName().equals("type")) {
                throw new LoadError(XmlSupport.line(option), element, "invalid attribute [" + attribute.getName()
                        + "] on <" + option.getName() + ">");
            }
        }
        String value = option.getAttributeValue("offset");
        if (value == null) {
            return Decoder.Offset.NONE;
        }
        Decoder.Offset offset = switch (value) {
            case "after_parent" -> Decoder.Offset.AFTER_PARENT;
            case "after_prematch" -> Decoder.Offset.AFTER_PREMATCH;
            case "after_regex" -> Decoder.Offset.AFTER_REGEX;
            default -> null;
        };
        if (offset == null || (prematch && offset != Decoder.Offset.AFTER_PARENT)) {
            throw new LoadError(XmlSupport.line(option), element, "invalid offset [" + value + "] on <"
                    + option.getName() + ">" + (prematch ? ": only after_parent is allowed" : ""));
        }
        return offset;
    }

    private static CompiledPattern compile(PatternType type, String source, int line, String element, String what,
            boolean captures) throws LoadError {
        try {
            return RequiredLiterals.wrap(captures ? Patterns.compile(type, source)
                    : Patterns.compileWithoutCaptures(type, source));
        }
        catch (PatternSyntaxError ex) {
            throw new LoadError(line, element, "bad <" + what + ">: " + ex.getMessage());
        }
    }
}
