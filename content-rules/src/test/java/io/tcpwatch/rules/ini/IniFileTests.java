package io.tcpwatch.rules.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniFileTests {

    @Test
    void repeatedLogKeysAreJoinedIntoOneCase(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.ini");
        Files.writeString(file, """
                ; comment
                [brute force]
                log 1 pass = line one
                log 1 pass = line two
                log 2 fail = other
                rule = 5712
                alert = 10
                decoder = sshd
                """);

        IniFile.Section section = IniFile.read(file).sections().get(0);

        assertThat(section.title()).isEqualTo("brute force");
        assertThat(section.rule()).isEqualTo("5712");
        assertThat(section.alert()).isEqualTo("10");
        assertThat(section.decoder()).isEqualTo("sshd");
        assertThat(section.logs()).extracting(IniFile.LogCase::lines)
                .containsExactly(List.of("line one", "line two"), List.of("other"));
        assertThat(section.logs()).extracting(IniFile.LogCase::expectPass).containsExactly(true, false);
    }

    @Test
    void keyOutsideASectionNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.ini");
        Files.writeString(file, "\nrule = 1\n");

        assertThatIllegalArgumentException().isThrownBy(() -> IniFile.read(file))
                .withMessage(file + ":2: key outside a section: [rule = 1]");
    }
}
