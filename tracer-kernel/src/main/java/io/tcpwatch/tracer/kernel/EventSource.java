package io.tcpwatch.tracer.kernel;

import java.util.function.Consumer;

/**
 * A producer of {@link KernelEvent}s, such as the eBPF program. Implementations own their kernel
 * resources and release them on {@link #close()}.
 */
public interface EventSource extends AutoCloseable {

    /**
     * Starts delivering events to {@code consumer} on a thread the source owns. The consumer must not
     * block for long: the kernel buffer fills while it does.
     */
    void start(Consumer<KernelEvent> consumer);

    /** Counters of what the source lost or could not attribute, read at the moment of the call. */
    SourceCounters counters();

    /** A human-readable line saying which kernel hooks are in use, for the start-up log. */
    String describeHooks();

    /** Stops delivery and releases kernel resources. Idempotent. */
    @Override
    void close();

    /**
     * Loss counters.
     *
     * @param ringBufferDrops records the kernel could not queue because the ring buffer was full
     * @param ownerMisses close events whose socket had no recorded owner process
     * @param decodeErrors records that could not be decoded in user space
     */
    record SourceCounters(long ringBufferDrops, long ownerMisses, long decodeErrors) {
    }
}
