package io.tcpwatch.tracer.agent.sink;

/**
 * Where formatted events go. {@link #submit} never blocks the caller (the event source's thread): a
 * sink that cannot keep up, or cannot reach its destination, buffers a bounded number of events and
 * counts every event beyond that as dropped.
 */
public interface EventSink extends AutoCloseable {

    /** What the sink writes to, for logs ("Wazuh agent socket /var/ossec/queue/sockets/queue"). */
    String description();

    /** The largest payload {@link #submit} accepts; the formatter cuts events to fit it. */
    int maxPayloadBytes();

    /** Starts delivering. */
    void start();

    /**
     * Queues one payload (one line, without terminator) for delivery, or counts it as dropped when the
     * buffer is full, the payload is too large or the sink is closed.
     */
    void submit(byte[] payload);

    /** Events delivered since start. */
    long sent();

    /** Events that could not be delivered since start. */
    long dropped();

    /**
     * Stops the sink: delivers what is buffered while its destination takes it, for a bounded time,
     * and counts the rest as dropped. Idempotent.
     */
    @Override
    void close();
}
