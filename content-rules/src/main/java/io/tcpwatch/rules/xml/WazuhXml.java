package io.tcpwatch.rules.xml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.located.LocatedElement;
import org.jdom2.located.LocatedJDOMFactory;

/**
 * Reads ruleset XML the way Wazuh's own XML reader (os_xml) accepts it, into a jdom2 document whose
 * elements know their line ({@link LocatedElement}).
 *
 * <p>A lenient pre-pass rewrites what os_xml tolerates but XML does not, keeping every line break in place
 * so that line numbers stay those of the file:
 * <ul>
 * <li>several top-level elements: the content is wrapped in one {@value #ROOT} element, which is the
 * document root;</li>
 * <li>{@code &}: os_xml decodes no entities, so every {@code &} is literal text ({@code &amp;} stays the
 * five characters {@code &amp;});</li>
 * <li>a {@code <} preceded by an odd number of backslashes is content; the backslash is kept, so a pattern
 * receives {@code \<};</li>
 * <li>comments are dropped whole, so {@code --} inside them is harmless; the XML declaration and other
 * processing instructions are dropped too.</li>
 * </ul>
 * Text is returned as written (no trimming). This reader does NOT implement os_xml's {@code <var>}
 * expansion: the ruleset loader does that on the element text.
 */
public final class WazuhXml {

    /** The name of the synthetic element wrapping a file's top-level elements. */
    public static final String ROOT = "wazuh-file";

    private WazuhXml() {
    }

    /**
     * Parses {@code file}.
     *
     * @throws WazuhXmlException naming the file and line when the file cannot be read or is not
     *     acceptable even to os_xml (an unclosed element, a mismatched end tag, an unterminated comment)
     */
    public static Document parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (IOException ex) {
            throw new WazuhXmlException(file, 0, "cannot read file: " + ex, ex);
        }
        return parse(file, decode(bytes));
    }

    /**
     * Parses {@code text} as the content of {@code file} (the name is used in messages only).
     *
     * @throws WazuhXmlException naming the file and line of the problem
     */
    public static Document parse(Path file, String text) {
        String xml = "<" + ROOT + ">" + rewrite(file, text) + "</" + ROOT + ">";
        SAXBuilder builder = new SAXBuilder();
        builder.setJDOMFactory(new LocatedJDOMFactory());
        builder.setExpandEntities(false);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return builder.build(new StringReader(xml));
        }
        catch (JDOMParseException ex) {
            int line = Math.max(ex.getLineNumber(), 1);
            throw new WazuhXmlException(file, line, "malformed XML: " + cleanMessage(ex), ex);
        }
        catch (JDOMException | IOException ex) {
            throw new WazuhXmlException(file, 0, "malformed XML: " + ex.getMessage(), ex);
        }
    }

    /** The 1-based line where {@code element} starts, or 0 when it was not built by this reader. */
    public static int line(Element element) {
        return element instanceof LocatedElement located ? located.getLine() : 0;
    }

    private static String cleanMessage(JDOMParseException ex) {
        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
        String message = cause.getMessage();
        message = message.replace(ROOT, "file end");
        int colon = message.indexOf(": Error on line");
        return colon > 0 ? message.substring(0, colon) : message;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            // os_xml reads bytes; a Latin-1 file must still load, byte for byte.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static String rewrite(Path file, String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int length = text.length();
        int i = 0;
        int line = 1;
        if (length > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        while (i < length) {
            char c = text.charAt(i);
            if (c == '<' && text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    throw new WazuhXmlException(file, line, "comment is not closed (no '-->' after '<!--')");
                }
                line += keepNewlines(text, i, end + 3, out);
                i = end + 3;
            }
            else if (c == '<' && text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    throw new WazuhXmlException(file, line, "processing instruction is not closed (no '?>')");
                }
                line += keepNewlines(text, i, end + 2, out);
                i = end + 2;
            }
            else if (c == '<' && text.startsWith("<![CDATA[", i)) {
                int end = text.indexOf("]]>", i);
                if (end < 0) {
                    throw new WazuhXmlException(file, line, "CDATA section is not closed (no ']]>')");
                }
                String cdata = text.substring(i, end + 3);
                line += count(cdata, '\n');
                out.append(cdata);
                i = end + 3;
            }
            else if (c == '<' && precedingBackslashes(text, i) % 2 == 1) {
                out.append("&lt;");
                i++;
            }
            else if (c == '<') {
                int end = copyTag(file, text, i, line, out);
                line += count(text.substring(i, end), '\n');
                i = end;
            }
            else if (c == '&') {
                out.append("&amp;");
                i++;
            }
            else {
                if (c == '\n') {
                    line++;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int copyTag(Path file, String text, int start, int line, StringBuilder out) {
        int i = start;
        char quote = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    out.append(c);
                }
                else if (c == '&') {
                    out.append("&amp;");
                }
                else if (c == '<') {
                    out.append("&lt;");
                }
                else {
                    out.append(c);
                }
            }
            else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
            }
            else if (c == '>') {
                out.append(c);
                return i + 1;
            }
            else {
                out.append(c);
            }
            i++;
        }
        throw new WazuhXmlException(file, line, "tag is not closed (no '>' before the end of the file)");
    }

    private static int precedingBackslashes(String text, int index) {
        int n = 0;
        for (int j = index - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
            n++;
        }
        return n;
    }

    private static int keepNewlines(String text, int from, int to, StringBuilder out) {
        int n = 0;
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == '\n') {
                out.append('\n');
                n++;
            }
        }
        return n;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int j = 0; j < text.length(); j++) {
            if (text.charAt(j) == c) {
                n++;
            }
        }
        return n;
    }
}
