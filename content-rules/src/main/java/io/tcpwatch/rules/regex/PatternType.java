package io.tcpwatch.rules.regex;

/** The matchers a Wazuh 4.x ruleset can name in a {@code type} attribute. */
public enum PatternType {
    /** OS_Regex, Wazuh's own regular expressions. */
    OSREGEX,
    /** OS_Match, Wazuh's simple string matcher. */
    OSMATCH,
    /** Perl-compatible regular expressions (PCRE2). */
    PCRE2
}
