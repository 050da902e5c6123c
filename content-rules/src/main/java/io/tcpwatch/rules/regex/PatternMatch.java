package io.tcpwatch.rules.regex;

import java.util.List;

/**
 * The result of a successful match.
 *
 * @param end offset in the subject just after the matched text; Wazuh's decoders continue from here
 *     ({@code offset="after_regex"}, {@code after_prematch})
 * @param groups captured groups in order, empty for matchers that do not capture
 * @param last offset of the character Wazuh's matcher returns a pointer to: the last matched character for
 *     OS_Regex and PCRE2 ({@code ovector[1] - 1}). OS_Regex returns a pointer that is early when the pattern
 *     ends with a {@code +}/{@code *} token, and one before the subject ({@code -1}) for an empty match at
 *     its start. When it equals the subject length, the match ended on the terminating NUL and
 *     {@code end == last}; otherwise {@code end == last + 1}, as a decoder's "next character" step does.
 */
public record PatternMatch(int end, List<String> groups, int last) {

    public PatternMatch {
        groups = List.copyOf(groups);
    }

    /** A match whose returned pointer is the character just before {@code end}. */
    public PatternMatch(int end, List<String> groups) {
        this(end, groups, end - 1);
    }
}
