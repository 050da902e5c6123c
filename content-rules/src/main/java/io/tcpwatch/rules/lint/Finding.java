package io.tcpwatch.rules.lint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem the lint found.
 *
 * @param check the check that found it; its {@link LintCheck#severity() severity} is the finding's
 * @param file the decoder or rule file
 * @param line the 1-based line of {@code element} in {@code file}, or 0 when the file could not be read
 * @param element what the finding is about, e.g. {@code rule 110020} or {@code <order> of decoder sshd}
 * @param message what is wrong, naming the offending value in brackets
 */
public record Finding(LintCheck check, Path file, int line, String element, String message) {

    public Finding {
        Objects.requireNonNull(check, "'check' must not be null");
        Objects.requireNonNull(file, "'file' must not be null");
        Objects.requireNonNull(element, "'element' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
    }

    /** The finding's severity, that of its check. */
    public Severity severity() {
        return this.check.severity();
    }

    /** {@code file:line: SEVERITY check: element: message}, the form editors and CI logs link. */
    @Override
    public String toString() {
        return this.file + ":" + this.line + ": " + severity() + " " + this.check.code() + ": " + this.element
                + ": " + this.message;
    }
}
