package io.tcpwatch.rules.regex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The patterns written in Wazuh's shipped decoder and rule files, read with a lenient scan (comments removed,
 * {@code <var>} values substituted, no entity decoding, as Wazuh's own XML reader does), each with the matcher
 * Wazuh would compile it for.
 */
final class ShippedRulesetPatterns {

    /** One pattern element: where it is, which matcher, and its text. */
    record Entry(String place, PatternType type, boolean captures, String source) {
    }

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private static final Pattern VARIABLE = Pattern.compile("<var\\s+name=\"([^\"]+)\"\\s*>(.*?)</var>",
            Pattern.DOTALL);

    private static final Pattern ELEMENT = Pattern.compile(
            "<(prematch|regex|match|field|program_name|user|id|url|srcport|dstport|status|hostname|location"
                    + "|extra_data|data|system_name|protocol|srcgeoip|dstgeoip)(\\s[^>]*)?>(.*?)</\\1>",
            Pattern.DOTALL);

    private static final Pattern TYPE = Pattern.compile("type\\s*=\\s*\"([^\"]*)\"");

    private ShippedRulesetPatterns() {
    }

    static List<Entry> read(Path ruleset) {
        List<Entry> entries = new ArrayList<>();
        for (String kind : List.of("decoders", "rules")) {
            try (Stream<Path> files = Files.list(ruleset.resolve(kind))) {
                files.filter(file -> file.toString().endsWith(".xml")).sorted()
                        .forEach(file -> readFile(file, kind.equals("decoders"), entries));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    private static void readFile(Path file, boolean decoders, List<Entry> entries) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = blankComments(text);
        Map<String, String> variables = new HashMap<>();
        Matcher variable = VARIABLE.matcher(withoutComments);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2));
        }
        Matcher element = ELEMENT.matcher(withoutComments);
        while (element.find()) {
            String name = element.group(1);
            String attributes = element.group(2) == null ? "" : element.group(2);
            String source = substitute(element.group(3), variables);
            Matcher typeAttribute = TYPE.matcher(attributes);
            PatternType type = typeAttribute.find() ? PatternType.valueOf(typeAttribute.group(1)
                    .toUpperCase(Locale.ROOT)) : defaultType(name, decoders);
            boolean captures = decoders && name.equals("regex");
            int line = 1 + (int) withoutComments.substring(0, element.start()).chars().filter(c -> c == '\n').count();
            entries.add(new Entry(file.getFileName() + ":" + line + " <" + name + ">", type, captures,
                    new String(source.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)));
        }
    }

    private static PatternType defaultType(String element, boolean decoders) {
        if (decoders) {
            return element.equals("program_name") ? PatternType.OSMATCH : PatternType.OSREGEX;
        }
        return element.equals("regex") || element.equals("field") ? PatternType.OSREGEX : PatternType.OSMATCH;
    }

    /** Comments become spaces, newlines kept, so that line numbers stay right. */
    private static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher comment = COMMENT.matcher(text);
        while (comment.find()) {
            for (int i = comment.start(); i < comment.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static String substitute(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("$" + variable.getKey(), variable.getValue());
        }
        return result;
    }
}
