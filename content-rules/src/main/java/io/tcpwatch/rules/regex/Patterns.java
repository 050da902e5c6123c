package io.tcpwatch.rules.regex;

import java.util.Objects;

/**
 * Compiles ruleset patterns for the matcher a {@code type} attribute names.
 *
 * <p>Wazuh compiles OS_Regex in two modes. A decoder {@code <regex>} captures groups
 * ({@code OS_RETURN_SUBSTRING}): use {@link #compile}. Everything else (decoder {@code <prematch>} and
 * {@code <program_name>}, rule {@code <regex>}, {@code <field>} and the other rule elements) is compiled
 * without it: use {@link #compileWithoutCaptures}. The two differ in a few OS_Regex results at the end of a
 * subject (see {@link OsRegex}), so an engine that wants Wazuh's answers uses the mode Wazuh uses. OS_Match and
 * PCRE2 behave the same in both.
 */
public final class Patterns {

    private Patterns() {
    }

    /**
     * Compiles {@code source} for the matcher {@code type}, capturing groups, as Wazuh compiles a decoder
     * {@code <regex>}.
     *
     * @throws PatternSyntaxError when the matcher rejects the pattern
     */
    public static CompiledPattern compile(PatternType type, String source) {
        return compile(type, source, true);
    }

    /**
     * Compiles {@code source} for the matcher {@code type} as Wazuh compiles a decoder {@code <prematch>} or
     * {@code <program_name>} and every rule element: OS_Regex runs without substring capture, and its match
     * has no groups.
     *
     * @throws PatternSyntaxError when the matcher rejects the pattern
     */
    public static CompiledPattern compileWithoutCaptures(PatternType type, String source) {
        return compile(type, source, false);
    }

    /**
     * How many PCRE2 matches were abandoned since start because they exceeded the read budget or the Java
     * stack (see {@link Pcre2Pattern}); each counted as no match, as a failing {@code pcre2_match} does in
     * Wazuh.
     */
    public static long abandonedMatches() {
        return Pcre2Pattern.ABANDONED.sum();
    }

    private static CompiledPattern compile(PatternType type, String source, boolean captures) {
        Objects.requireNonNull(type, "'type' must not be null");
        Objects.requireNonNull(source, "'source' must not be null");
        return switch (type) {
            case OSREGEX -> OsRegex.compile(source, captures);
            case OSMATCH -> OsMatch.compile(source);
            case PCRE2 -> Pcre2Pattern.compile(source);
        };
    }
}
