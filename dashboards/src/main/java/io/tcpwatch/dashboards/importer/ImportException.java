package io.tcpwatch.dashboards.importer;

/**
 * The import could not be made: the dashboard was unreachable, refused the request or answered with
 * something that is not the import API's answer.
 */
public class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the dashboard URL or the response
     */
    public ImportException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the dashboard URL or the response
     * @param cause the underlying failure
     */
    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }

}
