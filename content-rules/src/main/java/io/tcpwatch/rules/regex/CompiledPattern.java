package io.tcpwatch.rules.regex;

/**
 * A pattern compiled for one of Wazuh's matchers. Instances are immutable and safe to share between
 * threads.
 */
public interface CompiledPattern {

    /** The pattern text as written in the ruleset. */
    String source();

    /** Which matcher this pattern runs under. */
    PatternType type();

    /**
     * Runs the pattern against {@code subject} as the Wazuh 4.x manager does.
     *
     * @return the match, or {@code null} when the pattern does not match
     */
    PatternMatch match(String subject);

    /**
     * Runs the pattern against the part of {@code subject} that starts at {@code from}, as Wazuh does when a
     * decoder matches from its {@code after_parent}/{@code after_prematch}/{@code after_regex} pointer: the
     * pattern sees that suffix as the whole string ({@code ^} anchors at {@code from}), and the offsets of
     * the result count from the start of {@code subject}.
     *
     * @return the match, or {@code null} when the pattern does not match
     * @throws IndexOutOfBoundsException when {@code from} is outside {@code 0..subject.length()}
     */
    default PatternMatch match(String subject, int from) {
        if (from == 0) {
            return match(subject);
        }
        PatternMatch match = match(subject.substring(from));
        return match == null ? null : new PatternMatch(match.end() + from, match.groups(), match.last() + from);
    }

    /** Whether the pattern matches {@code subject}. */
    default boolean matches(String subject) {
        return match(subject) != null;
    }
}
