package io.tcpwatch.dashboards.cli;

/** The command line is wrong; the message names the argument. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

}
