package io.tcpwatch.rules.lint;

import java.util.Locale;

/** The checks {@link RulesetLint} runs, each with the severity of its findings. */
public enum LintCheck {
    /** A file that even Wazuh's lenient XML reader rejects. */
    MALFORMED_XML(Severity.ERROR),
    /** A file name that is not {@code NNNN-<product>_rules.xml} or {@code NNNN-<product>_decoders.xml}. */
    FILE_NAME(Severity.WARNING),
    /** A rule id that is not a number of 1 to 6 digits. */
    INVALID_RULE_ID(Severity.ERROR),
    /** A rule id defined twice without {@code overwrite="yes"}: Wazuh skips the later one. */
    DUPLICATE_RULE_ID(Severity.ERROR),
    /** A rule file without a header comment that reserves its id range ({@code ID: 110000 - 110099}). */
    MISSING_ID_RANGE(Severity.WARNING),
    /** A rule id outside the range its file's header reserves. */
    RULE_ID_OUTSIDE_RANGE(Severity.ERROR),
    /**
     * An {@code if_sid} or {@code if_matched_sid} that is not a list of ids, names a rule nobody defines, or
     * names one that loads only after the child (Wazuh attaches a child only to rules already loaded).
     */
    UNKNOWN_PARENT_RULE(Severity.ERROR),
    /**
     * A rule's {@code <decoded_as>} or a decoder's {@code <parent>} naming a decoder nobody defines: Wazuh
     * refuses to load the rule or decoder.
     */
    UNKNOWN_DECODER(Severity.ERROR),
    /**
     * A {@code <list>} with an unknown {@code lookup}, a {@code *_value} lookup without {@code check_value},
     * or (when list directories are given) a path that names no list.
     */
    INVALID_LIST(Severity.ERROR),
    /** A {@code <field name="...">} naming a static field: Wazuh refuses the rule. */
    STATIC_FIELD_IN_FIELD(Severity.ERROR),
    /** An {@code <order>} name that is not a static field but differs from one by a slip of the keyboard. */
    MISSPELLED_ORDER_FIELD(Severity.ERROR),
    /** A pattern its matcher does not compile, or a {@code type} attribute naming no matcher. */
    INVALID_PATTERN(Severity.ERROR),
    /** A rule that tests a field its only possible decoder never sets. */
    FIELD_NEVER_DECODED(Severity.ERROR),
    /** A rule whose every parent rule can never fire. */
    UNREACHABLE_RULE(Severity.ERROR),
    /** A description not of the form {@code <product>: <Sentence>.}. */
    DESCRIPTION_FORM(Severity.WARNING);

    private final Severity severity;

    LintCheck(Severity severity) {
        this.severity = severity;
    }

    /** The severity of this check's findings. */
    public Severity severity() {
        return this.severity;
    }

    /** The check's name in reports, e.g. {@code duplicate-rule-id}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
