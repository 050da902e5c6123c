package io.tcpwatch.rules.ruleset;

import io.tcpwatch.rules.regex.CompiledPattern;
import io.tcpwatch.rules.regex.PatternMatch;

/**
 * A rule condition on one string: a compiled pattern or, for {@code <action>} by default, an exact
 * case-sensitive comparison; {@code negate="yes"} inverts the result. An absent value never matches, even
 * negated.
 */
public final class Expr {

    private final CompiledPattern pattern;

    private final String exact;

    private final boolean negate;

    private Expr(CompiledPattern pattern, String exact, boolean negate) {
        this.pattern = pattern;
        this.exact = exact;
        this.negate = negate;
    }

    public static Expr of(CompiledPattern pattern, boolean negate) {
        return new Expr(pattern, null, negate);
    }

    public static Expr exact(String text, boolean negate) {
        return new Expr(null, text, negate);
    }

    /** Whether {@code value} satisfies the condition; {@code null} (field absent) never does. */
    public boolean test(String value) {
        if (value == null) {
            return false;
        }
        boolean hit = this.pattern != null ? this.pattern.matches(value) : this.exact.equals(value);
        return hit != this.negate;
    }

    /** The match (for captures), or {@code null}; negation is not applied. */
    public PatternMatch match(String value) {
        return this.pattern != null && value != null ? this.pattern.match(value) : null;
    }

    public boolean negate() {
        return this.negate;
    }

    /** The pattern or exact text as written. */
    public String source() {
        return this.pattern != null ? this.pattern.source() : this.exact;
    }

    /** The compiled pattern, or {@code null} for an exact comparison. */
    public CompiledPattern pattern() {
        return this.pattern;
    }

    @Override
    public String toString() {
        return (this.negate ? "!" : "") + source();
    }
}
