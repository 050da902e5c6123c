package io.tcpwatch.rules.xml;

import java.nio.file.Path;

/**
 * A ruleset XML file that cannot be read. The message always starts with {@code file:line:} so an
 * author can jump to the place.
 */
public class WazuhXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    private final int line;

    public WazuhXmlException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public WazuhXmlException(Path file, int line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file that failed. */
    public Path file() {
        return this.file;
    }

    /** The 1-based line of the problem, or 0 when the file could not be read at all. */
    public int line() {
        return this.line;
    }
}
