package io.tcpwatch.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OS_Regex behaviour, stated case by case. Expected values come from Wazuh 4.14.7's results for its own unit
 * test and from the matching rules of {@code os_regex_execute.c}, never from this implementation.
 */
class OsRegexTests {

    private static PatternMatch match(String pattern, String subject) {
        return Patterns.compile(PatternType.OSREGEX, pattern).match(subject);
    }

    @Nested
    class Laziness {

        @Test
        void plusStopsAtTheFirstCharacterTheNextTokenAccepts() {
            PatternMatch match = match("(\\d+)\\w", "12345");

            assertThat(match).isEqualTo(new PatternMatch(2, List.of("1"), 1));
        }

        @Test
        void endAnchorForcesBacktrackingUntilTheSubjectEnds() {
            PatternMatch match = match("^(\\d+)\\w$", "12345");

            assertThat(match).isEqualTo(new PatternMatch(5, List.of("1234"), 4));
        }

        @Test
        void lazyWordRunHandsTheDigitsToTheNextToken() {
            PatternMatch match = match("(\\w+)\\d+(\\s+)", "Wazuh123 ");

            assertThat(match.groups()).containsExactly("Wazuh", " ");
        }

        @Test
        void trailingPlusReturnsThePointerAtTheFirstCharacterOfTheRun() {
            PatternMatch match = match("(\\d+)", "asd_12_qwe");

            assertThat(match).isEqualTo(new PatternMatch(5, List.of("12"), 4));
        }

        @Test
        void starAloneMatchesNothingAndPointsBeforeTheSubject() {
            PatternMatch match = match("\\d*", "Wazuh");

            assertThat(match).isEqualTo(new PatternMatch(0, List.of(), -1));
        }
    }

    @Nested
    class CharacterClasses {

        @ParameterizedTest(name = "{0} on [{1}] matches: {2}")
        @MethodSource("io.tcpwatch.rules.regex.OsRegexTests#classCases")
        void classMatchesExactlyItsCharacters(String pattern, String subject, boolean matches) {
            assertThat(match(pattern, subject) != null).isEqualTo(matches);
        }

        @Test
        void unescapedDotIsALiteralDot() {
            assertThat(match("^a.c$", "abc")).isNull();
        }

        @Test
        void escapedDotIsAnyCharacter() {
            assertThat(match("^a\\.c$", "abc")).isEqualTo(new PatternMatch(3, List.of(), 2));
        }

        @Test
        void plusAfterALiteralIsALiteralPlus() {
            assertThat(match("^a+$", "a+")).isEqualTo(new PatternMatch(2, List.of(), 1));
        }

        @Test
        void literalsMatchIgnoringAsciiCase() {
            assertThat(match("^HI wazuh$", "hi WAZUH")).isNotNull();
        }
    }

    static Stream<Arguments> classCases() {
        return Stream.of(
                Arguments.of("^\\s$", " ", true),
                Arguments.of("^\\s$", "\t", false),
                Arguments.of("^\\t$", "\t", true),
                Arguments.of("^\\w\\w\\w$", "_-@", true),
                Arguments.of("^\\w$", ".", false),
                Arguments.of("^\\p$", "/", false),
                Arguments.of("^\\p$", "_", false),
                Arguments.of("^\\p$", "!", true),
                Arguments.of("^\\p$", "}", true),
                Arguments.of("^\\W$", "/", true),
                Arguments.of("^\\S$", "\t", true),
                Arguments.of("^\\D$", "x", true),
                Arguments.of("^\\D$", "7", false),
                Arguments.of("^\\($", "(", true),
                Arguments.of("^\\$$", "$", true),
                Arguments.of("^\\|$", "|", true),
                Arguments.of("^\\<$", "<", true),
                Arguments.of("^\\\\$", "\\", true));
    }

    @Nested
    class AnchorsAndAlternatives {

        @Test
        void caretInsideAnAlternativeIsALiteral() {
            assertThat(match("\\d+^\\d\\d\\d", "123^456")).isEqualTo(new PatternMatch(7, List.of(), 6));
        }

        @Test
        void dollarInsideAnAlternativeIsALiteral() {
            assertThat(match("\\d+$\\d\\d\\d", "123$456")).isEqualTo(new PatternMatch(7, List.of(), 6));
        }

        @Test
        void caretDollarMatchesOnlyTheEmptySubject() {
            assertThat(match("^$", "")).isEqualTo(new PatternMatch(0, List.of(), 0));
            assertThat(match("^$", "hi")).isNull();
        }

        @Test
        void groupsAreNumberedFromOneInEachAlternative() {
            PatternMatch match = match("Subpattern 1: (\\d+)|Subpattern 2: (\\d+)", "Subpattern 2: 123");

            assertThat(match.groups()).containsExactly("123");
        }

        @Test
        void adjacentGroupsNeverMatch() {
            assertThat(match("(hi)(Wazuh)", "hiWazuh")).isNull();
        }
    }

    @Nested
    class CaptureModes {

        @Test
        void trailingStarTokensAreSkippedAtTheEndOfTheSubjectWhenCapturing() {
            PatternMatch match = Patterns.compile(PatternType.OSREGEX, "(a\\d*\\w*)").match("a");

            assertThat(match).isEqualTo(new PatternMatch(1, List.of("a"), 0));
        }

        @Test
        void trailingStarTokensFailAtTheEndOfTheSubjectWithoutCapturing() {
            CompiledPattern prematch = Patterns.compileWithoutCaptures(PatternType.OSREGEX, "(a\\d*\\w*)");

            assertThat(prematch.match("a")).isNull();
        }

        @Test
        void matchWithoutCapturesHasNoGroups() {
            CompiledPattern prematch = Patterns.compileWithoutCaptures(PatternType.OSREGEX, "^(\\w+) ");

            assertThat(prematch.match("sshd x")).isEqualTo(new PatternMatch(5, List.of(), 4));
        }
    }

    @Nested
    class LiteralStarts {

        @Test
        void literalRunIsFoundInEitherCaseAfterPartialOccurrences() {
            PatternMatch match = match("attack=\"(\\.*)\"", "ATTACKER attack_ Attack=\"sql\" x");

            assertThat(match).isEqualTo(new PatternMatch(29, List.of("sql"), 28));
        }

        @Test
        void literalRunCutByTheEndOfTheSubjectDoesNotMatch() {
            assertThat(match("key=(\\w+)", "a key")).isNull();
        }

        @Test
        void literalRunAfterANulIsNotSeen() {
            assertThat(match("key=(\\w+)", "a\0 key=v")).isNull();
        }

        @Test
        void literalRunStillMatchesInANonAsciiSubjectWithThePointerAtTheTrailingRunsFirstChar() {
            PatternMatch match = match("user=(\\w+)", "caf\u00e9 user=bob");

            assertThat(match).isEqualTo(new PatternMatch(11, List.of("bob"), 10));
        }
    }

    @Nested
    class Offsets {

        @Test
        void matchFromAnOffsetAnchorsThereAndCountsFromTheSubjectStart() {
            CompiledPattern pattern = Patterns.compile(PatternType.OSREGEX, "^user (\\w+)");

            PatternMatch match = pattern.match("Failed password for user root", 20);

            assertThat(match).isEqualTo(new PatternMatch(26, List.of("root"), 25));
        }

        @Test
        void nonAsciiSubjectIsMatchedAsUtf8Bytes() {
            PatternMatch match = match("^user (\\S+) from (\\d+)", "user jos\u00e9 from 10");

            assertThat(match).isEqualTo(new PatternMatch(16, List.of("jos\u00e9", "10"), 15));
        }

        @Test
        void nulCharacterEndsTheSubjectAsInC() {
            assertThat(match("b", "a\u0000b")).isNull();
        }

        @Test
        void matchFromAnOffsetPastANulSeesTheStringAfterIt() {
            CompiledPattern pattern = Patterns.compile(PatternType.OSREGEX, "b");

            assertThat(pattern.match("a\u0000b", 2)).isEqualTo(new PatternMatch(3, List.of(), 2));
        }

        @Test
        void anyCharacterCountsEachUtf8ByteOfANonAsciiCharacter() {
            assertThat(match("^\\.\\.$", "\u00e9")).isEqualTo(new PatternMatch(1, List.of(), 0));
        }
    }

    @Nested
    class CompileErrors {

        @ParameterizedTest(name = "[{0}]")
        @MethodSource("io.tcpwatch.rules.regex.OsRegexTests#badPatterns")
        void badPatternIsRejectedNamingThePatternAndTheProblem(String pattern, String message) {
            assertThatExceptionOfType(PatternSyntaxError.class)
                    .isThrownBy(() -> Patterns.compile(PatternType.OSREGEX, pattern))
                    .withMessage(message);
        }

        @Test
        void patternOfMaximumLengthIsAccepted() {
            assertThat(Patterns.compile(PatternType.OSREGEX, "a".repeat(20480)).match("a".repeat(20480)))
                    .isNotNull();
        }

        @Test
        void patternOneByteOverTheMaximumIsRejected() {
            assertThatExceptionOfType(PatternSyntaxError.class)
                    .isThrownBy(() -> Patterns.compile(PatternType.OSREGEX, "a".repeat(20481)))
                    .withMessageEndingWith(": is 20481 bytes long; OS_Regex accepts at most 20480");
        }
    }

    static Stream<Arguments> badPatterns() {
        String accepted = "; OS_Regex accepts only \\d \\w \\s \\p \\D \\W \\S \\. \\t \\( \\) \\\\ \\$ \\| \\<";
        return Stream.of(
                Arguments.of("a\\nb", "osregex pattern [a\\nb]: unknown escape \\n at offset 1" + accepted),
                Arguments.of("\\[x", "osregex pattern [\\[x]: unknown escape \\[ at offset 0" + accepted),
                Arguments.of("ab\\", "osregex pattern [ab\\]: ends with a lone backslash" + accepted),
                Arguments.of("((a))", "osregex pattern [((a))]: nested group at offset 1; OS_Regex allows one level"),
                Arguments.of("a)", "osregex pattern [a)]: ')' at offset 1 closes no group"),
                Arguments.of("x(a", "osregex pattern [x(a]: the group opened at offset 1 is not closed"),
                Arguments.of("(a|b)", "osregex pattern [(a|b)]: '|' at offset 2 is inside the group opened at "
                        + "offset 0; OS_Regex alternatives split the whole pattern"),
                Arguments.of("a\u0000b", "osregex pattern [a\u0000b]: contains a NUL character at offset 1, which "
                        + "would end the pattern in Wazuh"));
    }
}
