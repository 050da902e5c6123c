package io.tcpwatch.rules.lint;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The findings of one lint run, ordered by file, line and check, then in the order they were found. */
public final class LintReport {

    private static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.file().toString())
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::check);

    private final List<Finding> findings;

    private final int filesChecked;

    LintReport(List<Finding> findings, int filesChecked) {
        this.findings = findings.stream().sorted(ORDER).toList();
        this.filesChecked = filesChecked;
    }

    /** Every finding, errors and warnings. */
    public List<Finding> findings() {
        return this.findings;
    }

    /** The findings of severity {@link Severity#ERROR}. */
    public List<Finding> errors() {
        return this.findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** The findings of severity {@link Severity#WARNING}. */
    public List<Finding> warnings() {
        return this.findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** How many files were checked (reference files not included). */
    public int filesChecked() {
        return this.filesChecked;
    }

    /** Whether there are no findings at all. */
    public boolean isClean() {
        return this.findings.isEmpty();
    }

    /** One finding per line, then a summary line. */
    public String format() {
        String body = this.findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
        String summary = this.filesChecked + " files checked: " + errors().size() + " errors, "
                + warnings().size() + " warnings";
        return body.isEmpty() ? summary : body + "\n" + summary;
    }
}
