package io.tcpwatch.rules.regex;

/** A pattern that its matcher does not accept; the message names the pattern and what is wrong. */
public class PatternSyntaxError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pattern;

    private final PatternType type;

    public PatternSyntaxError(PatternType type, String pattern, String problem) {
        super(type.name().toLowerCase(java.util.Locale.ROOT) + " pattern [" + pattern + "]: " + problem);
        this.type = type;
        this.pattern = pattern;
    }

    /** The pattern text that failed to compile. */
    public String pattern() {
        return this.pattern;
    }

    /** The matcher it was compiled for. */
    public PatternType type() {
        return this.type;
    }
}
