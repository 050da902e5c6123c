package io.tcpwatch.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OS_Match behaviour as {@code os_match_compile.c} and {@code os_match_execute.c} define it. */
class OsMatchTests {

    private static boolean matches(String pattern, String subject) {
        return Patterns.compile(PatternType.OSMATCH, pattern).matches(subject);
    }

    @ParameterizedTest(name = "[{0}] on [{1}] matches: {2}")
    @MethodSource("cases")
    void patternMatchesAsOsMatchDoes(String pattern, String subject, boolean expected) {
        assertThat(matches(pattern, subject)).isEqualTo(expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Failed password", "sshd: FAILED PASSWORD for root", true),
                Arguments.of("failed password", "sshd: Failed pass", false),
                Arguments.of("^sshd", "SSHD: x", true),
                Arguments.of("^sshd", "x sshd", false),
                Arguments.of("root$", "user ROOT", true),
                Arguments.of("root$", "root user", false),
                Arguments.of("^root$", "Root", true),
                Arguments.of("^root$", "roots", false),
                Arguments.of("deny|reject", "packet REJECT", true),
                Arguments.of("deny|reject", "packet accept", false),
                Arguments.of("!deny", "accept", true),
                Arguments.of("!deny", "deny", false),
                Arguments.of("!a|b", "b", false),
                Arguments.of("a|", "zzz", true),
                Arguments.of("^", "anything", true),
                Arguments.of("$", "anything", true),
                Arguments.of("^$", "", true),
                Arguments.of("^$", "x", false),
                Arguments.of("a.c", "abc", false),
                Arguments.of("a.c", "a.c", true),
                Arguments.of("c:\\windows", "C:\\Windows\\system32", true),
                Arguments.of("x^y", "ax^yb", true),
                Arguments.of("a$b", "a$b", true),
                Arguments.of("\u00e9t\u00e9", "\u00c9T\u00c9", false),
                Arguments.of("end", "the en\u0000d", false));
    }

    @Test
    void matchEndIsJustAfterTheFirstOccurrence() {
        PatternMatch match = Patterns.compile(PatternType.OSMATCH, "pass").match("bad password, bad pass");

        assertThat(match).isEqualTo(new PatternMatch(8, List.of(), 7));
    }

    @Test
    void matchFromAnOffsetSeesOnlyTheRest() {
        CompiledPattern pattern = Patterns.compile(PatternType.OSMATCH, "^root");

        assertThat(pattern.match("user root", 5)).isEqualTo(new PatternMatch(9, List.of(), 8));
    }

    @Test
    void patternOverTheMaximumLengthIsRejected() {
        assertThatExceptionOfType(PatternSyntaxError.class)
                .isThrownBy(() -> Patterns.compile(PatternType.OSMATCH, "a".repeat(20481)))
                .withMessageEndingWith(": is 20481 bytes long; OS_Match accepts at most 20480");
    }
}
