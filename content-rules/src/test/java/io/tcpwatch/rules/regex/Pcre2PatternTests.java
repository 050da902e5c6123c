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

/** PCRE2 as Wazuh runs it (options 0), through the translation to java.util.regex. */
class Pcre2PatternTests {

    private static PatternMatch match(String pattern, String subject) {
        return Patterns.compile(PatternType.PCRE2, pattern).match(subject);
    }

    @Nested
    class MatchSemantics {

        @Test
        void matchingIsCaseSensitiveByDefault() {
            assertThat(match("Failed", "failed password")).isNull();
        }

        @Test
        void inlineCaselessFlagFoldsCase() {
            assertThat(match("(?i)failed", "FAILED password")).isEqualTo(new PatternMatch(6, List.of(), 5));
        }

        @Test
        void groupsAreOneToTheHighestGroupThatTookPart() {
            assertThat(match("(a)|(b)(c)?", "b").groups()).containsExactly("", "b");
        }

        @Test
        void endIsTheEndOfTheWholeMatch() {
            PatternMatch match = match("src=(\\S+)", "x src=10.0.0.1 dst=10.0.0.2");

            assertThat(match).isEqualTo(new PatternMatch(14, List.of("10.0.0.1"), 13));
        }

        @Test
        void emptyMatchAtTheStartReturnsThePointerBeforeTheSubject() {
            assertThat(match("x*", "abc")).isEqualTo(new PatternMatch(0, List.of(), -1));
        }

        @Test
        void dotDoesNotMatchLineFeedButMatchesCarriageReturn() {
            assertThat(match("^a.b", "a\rb")).isNotNull();
            assertThat(match("^a.b", "a\nb")).isNull();
        }

        @Test
        void dollarMatchesBeforeAFinalLineFeedOnly() {
            assertThat(match("x$", "x\n")).isNotNull();
            assertThat(match("x$", "x\r")).isNull();
        }

        @Test
        void nonAsciiCharacterIsSeveralBytes() {
            assertThat(match("^.{2}$", "\u00e9")).isEqualTo(new PatternMatch(1, List.of(), 0));
        }

        @Test
        void quantifierAfterANonAsciiLiteralRepeatsItsLastByte() {
            assertThat(match("^\u00e9+$", "\u00e9\u00e9")).isNull();
        }

        @Test
        void groupsOfANonAsciiSubjectAreDecodedAsUtf8() {
            assertThat(match("user (\\S+)", "user jos\u00e9 ok").groups()).containsExactly("jos\u00e9");
        }

        @Test
        void matchFromAnOffsetAnchorsCaretThere() {
            CompiledPattern pattern = Patterns.compile(PatternType.PCRE2, "^(\\d+)");

            assertThat(pattern.match("port 22", 5)).isEqualTo(new PatternMatch(7, List.of("22"), 6));
        }

        @Test
        void utfModeMatchesCodePointsAndNamedCodePoints() {
            assertThat(match("(*UTF)\\N{U+202E}", "ab\u202ec")).isEqualTo(new PatternMatch(3, List.of(), 2));
            assertThat(match("(*UTF)^.$", "\u00e9")).isEqualTo(new PatternMatch(1, List.of(), 0));
        }

        @Test
        void utfModeFoldsNonAsciiCaseUnderCaseless() {
            assertThat(match("(*UTF)(?i)\u00e9", "\u00c9")).isEqualTo(new PatternMatch(1, List.of(), 0));
        }

        @Test
        void propertiesIgnoreTheCaselessFlag() {
            assertThat(match("(?i)\\p{Lu}", "a")).isNull();
        }

        @Test
        void lineBreakEscapeNeverSplitsACarriageReturnLineFeedPair() {
            assertThat(match("^\\R\\R$", "\r\n")).isNull();
        }

        @Test
        void catastrophicBacktrackingIsAbandonedAsNoMatchAndCounted() {
            long before = Patterns.abandonedMatches();

            PatternMatch match = match("(\\w*)*\\1x", "x" + "a".repeat(30));

            assertThat(match).isNull();
            assertThat(Patterns.abandonedMatches()).isEqualTo(before + 1);
        }
    }

    @Nested
    class Translation {

        @ParameterizedTest(name = "[{0}] on [{1}]")
        @MethodSource("io.tcpwatch.rules.regex.Pcre2PatternTests#constructs")
        void constructMatchesAsInPcre2(String pattern, String subject, String matched, List<String> groups) {
            PatternMatch match = match(pattern, subject);

            assertThat(match).isNotNull();
            assertThat(subject.substring(match.end() - matched.length(), match.end())).isEqualTo(matched);
            assertThat(match.groups()).isEqualTo(groups);
        }

        @ParameterizedTest(name = "[{0}] on [{1}]")
        @MethodSource("io.tcpwatch.rules.regex.Pcre2PatternTests#nonMatches")
        void constructRejectsWhatPcre2Rejects(String pattern, String subject) {
            assertThat(match(pattern, subject)).isNull();
        }

        @Test
        void pythonNamedGroupBecomesANumberedGroup() {
            Pcre2Pattern pattern = Pcre2Pattern.compile("(?P<user>\\w+)");

            assertThat(pattern.javaRegex()).isEqualTo("(\\w+)");
        }

        @Test
        void wordBoundaryUsesAsciiWordCharacters() {
            Pcre2Pattern pattern = Pcre2Pattern.compile("\\bx");

            assertThat(pattern.javaRegex()).isEqualTo("(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))\\x{78}");
        }
    }

    static Stream<Arguments> constructs() {
        return Stream.of(
                Arguments.of("(?P<user>\\w+)@(?<host>\\w+)", "bob@db1", "bob@db1", List.of("bob", "db1")),
                Arguments.of("(?'n'a)\\k'n'(?P=n)\\k{n}\\g{n}", "aaaaa", "aaaaa", List.of("a")),
                Arguments.of("(a)(b)\\g{-2}\\g1\\2", "abaab", "abaab", List.of("a", "b")),
                Arguments.of("\\h+", "x \t y", " \t ", List.of()),
                Arguments.of("a\\z", "ba", "a", List.of()),
                Arguments.of("a\\Z", "ba\n", "a", List.of()),
                Arguments.of("\\Qa.b*\\E+", "a.b**", "a.b**", List.of()),
                Arguments.of("a++b", "aaab", "aaab", List.of()),
                Arguments.of("(?>a+)b", "aab", "aab", List.of()),
                Arguments.of("(?i:AB)c", "abc", "abc", List.of()),
                Arguments.of("(?i)a(?-i)B", "AB", "AB", List.of()),
                Arguments.of("\\x{41}\\x42\\x7\\101\\o{102}", "AB\u0007AB", "AB\u0007AB", List.of()),
                Arguments.of("\\cA\\e\\t", "\u0001\u001b\t", "\u0001\u001b\t", List.of()),
                Arguments.of("[[:alpha:]]+", "12ab3", "ab", List.of()),
                Arguments.of("[[:^digit:][:space:]]+", "1a b2", "a b", List.of()),
                Arguments.of("[[:word:]]+", "-a_1-", "a_1", List.of()),
                Arguments.of("[]a]+", "x]a]", "]a]", List.of()),
                Arguments.of("[a-]+", "x-a", "-a", List.of()),
                Arguments.of("[\\d.]+", "v1.2", "1.2", List.of()),
                Arguments.of("[&&a]+", "&a&", "&a&", List.of()),
                Arguments.of("[[a]+", "[a", "[a", List.of()),
                Arguments.of("[\\Q]\\E]", "]", "]", List.of()),
                Arguments.of("a{,2}", "a{,2}", "a{,2}", List.of()),
                Arguments.of("x{2,3}", "xxxx", "xxx", List.of()),
                Arguments.of("(?U)a+", "aaa", "a", List.of()),
                Arguments.of("(?U)a+?", "aaa", "aaa", List.of()),
                Arguments.of("(?x) a b # comment\n c", "abc", "abc", List.of()),
                Arguments.of("(?x)[ ]", " ", " ", List.of()),
                Arguments.of("(?n)(a)(?<x>b)", "ab", "ab", List.of("b")),
                Arguments.of("(?m)^b", "a\nb", "b", List.of()),
                Arguments.of("(?s)a.b", "a\nb", "a\nb", List.of()),
                Arguments.of("\\N+", "ab\nc", "ab", List.of()),
                Arguments.of("(*pla:a)\\w(*nlb:x)", "ab", "a", List.of()),
                Arguments.of("(?#comment)a", "a", "a", List.of()),
                Arguments.of("\\p{Lu}+", "abCD", "CD", List.of()),
                Arguments.of("\\p{Xwd}+", "a_1-", "a_1", List.of()),
                Arguments.of("\\R", "a\r\nb", "\r\n", List.of()),
                Arguments.of("(*NO_JIT)a", "a", "a", List.of()),
                Arguments.of("\\111", "I", "I", List.of()),
                Arguments.of("\\bfoo\\b", "\u00e9foo", "foo", List.of()),
                Arguments.of("a(bc)?d", "ad", "ad", List.of()),
                Arguments.of("a(?:bc|x)d", "axd", "axd", List.of()),
                Arguments.of("x(?!abc)", "xy", "x", List.of()),
                Arguments.of("(?<=q)x", "qx", "x", List.of()),
                Arguments.of("a(?:bc){0}d", "ad", "ad", List.of()),
                Arguments.of("(?i)a(B)c", "ABC", "ABC", List.of("B")),
                Arguments.of(".*b", "a\nab", "ab", List.of()));
    }

    static Stream<Arguments> nonMatches() {
        return Stream.of(
                Arguments.of("(?i)\u00e9", "\u00c9"),
                Arguments.of("[[:alpha:]]", "\u00e9"),
                Arguments.of("(*F)|x", "y"),
                Arguments.of("^\\w", "\u00e9"),
                Arguments.of("a\\z", "a\n"));
    }

    @Nested
    class CompileErrors {

        @ParameterizedTest(name = "[{0}]")
        @MethodSource("io.tcpwatch.rules.regex.Pcre2PatternTests#badPatterns")
        void badPatternIsRejectedNamingThePatternAndTheProblem(String pattern, String message) {
            assertThatExceptionOfType(PatternSyntaxError.class)
                    .isThrownBy(() -> Patterns.compile(PatternType.PCRE2, pattern))
                    .withMessage("pcre2 pattern [" + pattern + "]: " + message);
        }
    }

    static Stream<Arguments> badPatterns() {
        String none = " have no java.util.regex equivalent at offset 0";
        return Stream.of(
                Arguments.of("(?R)", "recursion and subroutine calls" + none),
                Arguments.of("(?1)(a)", "recursion and subroutine calls" + none),
                Arguments.of("(?(1)a|b)", "conditional groups (?(" + none),
                Arguments.of("(?|a)", "branch reset groups (?|" + none),
                Arguments.of("a\\K", "\\K (reset the match start) has no java.util.regex equivalent at offset 1"),
                Arguments.of("(*UCP)a", "the start-of-pattern setting (*UCP) changes how PCRE2 matches and"
                        + " has no java.util.regex equivalent at offset 0"),
                Arguments.of("(*COMMIT)a", "(*COMMIT has no java.util.regex equivalent at offset 0"),
                Arguments.of("(?J)(?<a>x)", "(?J) duplicate group names" + none),
                Arguments.of("\\x{100}", "character code point value in \\x{} or \\o{} is too large (PCRE2 runs "
                        + "without UTF, so the maximum is \\x{ff}) at offset 0"),
                Arguments.of("[z-a]", "range out of order in character class at offset 1"),
                Arguments.of("[\\d-z]", "invalid range in character class at offset 1"),
                Arguments.of("[abc", "missing terminating ] for character class at offset 0"),
                Arguments.of("[:alpha:]", "POSIX named classes are supported only within a class at offset 0"),
                Arguments.of("[[:alphx:]]", "unknown POSIX class name [alphx] at offset 1"),
                Arguments.of("(a", "missing closing parenthesis"),
                Arguments.of("a)", "unmatched closing parenthesis at offset 1"),
                Arguments.of("ab\\", "\\ at end of pattern"),
                Arguments.of("\\i", "unrecognized character follows \\ (\\i) at offset 0"),
                Arguments.of("\\2(a)", "reference to non-existent subpattern 2"),
                Arguments.of("\\k<nope>(?<yes>a)", "reference to non-existent subpattern [nope]"),
                Arguments.of("(?<n>a)(?<n>b)", "two named subpatterns have the same name [n] at offset 7"),
                Arguments.of("x{3,2}", "numbers out of order in {} quantifier at offset 1"),
                Arguments.of("\\777", "octal value is greater than \\377 in 8-bit non-UTF mode at offset 0"),
                Arguments.of("*a", "quantifier does not follow a repeatable item at offset 0"),
                Arguments.of("a|+", "quantifier does not follow a repeatable item at offset 2"),
                Arguments.of("^{2}", "quantifier does not follow a repeatable item at offset 3"),
                Arguments.of("\\N{U+41}", "\\N{U+hh..} is supported only in UTF mode at offset 0"),
                Arguments.of("\\p{Foo}", "not accepted after translation to java.util.regex [\\p{IsFoo}]: "
                        + "Unknown character property name {IsFoo}"));
    }
}
