package io.tcpwatch.rules.ruleset;

/** A problem that makes the reader skip what it is reading; carries the place for the message. */
final class LoadError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    private final String element;

    LoadError(int line, String element, String message) {
        super(message, null, false, false);
        this.line = line;
        this.element = element;
    }

    int line() {
        return this.line;
    }

    String element() {
        return this.element;
    }
}
