package io.tcpwatch.ingest;

/**
 * A call to the indexer failed. The message names the node, the call and the node's answer.
 */
public class IndexerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param message what failed, naming the node, the call and the answer
     * @param status the HTTP status, or 0 when there was no answer
     * @param cause the underlying error, or {@code null}
     */
    public IndexerException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return the HTTP status, or 0 when the node did not answer */
    public int status() {
        return this.status;
    }

}
