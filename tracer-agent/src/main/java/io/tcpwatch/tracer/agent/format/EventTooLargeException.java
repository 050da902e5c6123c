package io.tcpwatch.tracer.agent.format;

/** An event that does not fit in the sink's size limit even after its long values were cut. */
public class EventTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventTooLargeException(String event, int size, int maxBytes) {
        super(event + " event needs " + size + " bytes after cutting its long values; the limit is " + maxBytes);
    }
}
