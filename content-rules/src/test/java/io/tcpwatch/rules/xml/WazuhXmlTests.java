package io.tcpwatch.rules.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WazuhXmlTests {

    private static final Path FILE = Path.of("etc/decoders/sample.xml");

    @Test
    void severalTopLevelElementsBecomeChildrenOfTheSyntheticRoot() {
        Document document = WazuhXml.parse(FILE, "<decoder name=\"a\"/>\n<decoder name=\"b\"/>\n");

        List<Element> children = document.getRootElement().getChildren();

        assertThat(document.getRootElement().getName()).isEqualTo(WazuhXml.ROOT);
        assertThat(children).extracting(e -> e.getAttributeValue("name")).containsExactly("a", "b");
    }

    @Test
    void rawAmpersandIsLiteralTextAndEntitiesAreNotDecoded() {
        Document document = WazuhXml.parse(FILE, "<regex>a&b &amp; c</regex>");

        assertThat(document.getRootElement().getChildText("regex")).isEqualTo("a&b &amp; c");
    }

    @Test
    void backslashLessThanIsContentAndKeepsTheBackslash() {
        Document document = WazuhXml.parse(FILE, "<prematch>^20\\d\\<;</prematch>");

        assertThat(document.getRootElement().getChildText("prematch")).isEqualTo("^20\\d\\<;");
    }

    @Test
    void doubleDashInsideCommentsIsAccepted() {
        Document document = WazuhXml.parse(FILE, "<!-- a -- b --\n-->\n<rule id=\"1\"/>");

        assertThat(WazuhXml.line(document.getRootElement().getChild("rule"))).isEqualTo(3);
    }

    @Test
    void elementLinesAreThoseOfTheFileAfterCommentsAndMultiLineTags() {
        String text = "<?xml version=\"1.0\"?>\n<!--\n x\n-->\n<group\n name=\"g\">\n  <rule id=\"5\"/>\n</group>\n";

        Document document = WazuhXml.parse(FILE, text);

        Element group = document.getRootElement().getChild("group");
        assertThat(WazuhXml.line(group.getChild("rule"))).isEqualTo(7);
    }

    @Test
    void mismatchedEndTagNamesFileAndLine() {
        assertThatExceptionOfType(WazuhXmlException.class)
                .isThrownBy(() -> WazuhXml.parse(FILE, "<group>\n<rule id=\"1\">\n</group>\n"))
                .satisfies(ex -> assertThat(ex.line()).isEqualTo(3))
                .withMessageStartingWith("etc/decoders/sample.xml:3: malformed XML: ");
    }

    @Test
    void unclosedCommentNamesTheLineWhereItStarts() {
        assertThatExceptionOfType(WazuhXmlException.class)
                .isThrownBy(() -> WazuhXml.parse(FILE, "<a/>\n<!-- open\n"))
                .withMessage("etc/decoders/sample.xml:2: comment is not closed (no '-->' after '<!--')");
    }

    @Test
    void missingFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("absent.xml");

        assertThatExceptionOfType(WazuhXmlException.class)
                .isThrownBy(() -> WazuhXml.parse(missing))
                .withMessageStartingWith(missing + ":0: cannot read file: ");
    }

    @Test
    void latinOneFileIsReadByteForByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin.xml");
        Files.write(file, new byte[] {'<', 'm', '>', (byte) 0xE9, '<', '/', 'm', '>'});

        Document document = WazuhXml.parse(file);

        assertThat(document.getRootElement().getChildText("m")).isEqualTo("\u00e9");
    }
}
