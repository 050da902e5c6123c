package io.tcpwatch.rules.ruleset;

import java.nio.file.Path;

/**
 * Something the loader reports about a ruleset file: an {@link Severity#ERROR} means a file, decoder, rule
 * or list was skipped; a {@link Severity#WARNING} means it loaded with Wazuh's fallback behaviour.
 *
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param element the XML element or object concerned (for example {@code rule 5710}), or empty
 */
public record LoadMessage(Severity severity, Path file, int line, String element, String message) {

    /** How bad a message is. */
    public enum Severity {
        ERROR, WARNING
    }

    public static LoadMessage error(Path file, int line, String element, String message) {
        return new LoadMessage(Severity.ERROR, file, line, element, message);
    }

    public static LoadMessage warning(Path file, int line, String element, String message) {
        return new LoadMessage(Severity.WARNING, file, line, element, message);
    }

    @Override
    public String toString() {
        String where = this.file + ":" + this.line + ": ";
        String what = this.element.isEmpty() ? "" : "<" + this.element + ">: ";
        return where + this.severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + what + this.message;
    }
}
