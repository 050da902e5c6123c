package io.tcpwatch.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;

/**
 * A consumer of a {@code BPF_MAP_TYPE_RINGBUF} map. Each {@link #poll} waits for a wake-up up to the
 * timeout, then drains what is queued whether or not the kernel side asked for a wake-up, copying the
 * records into one direct buffer and handing them to the handler.
 *
 * <p>A poll and {@link #close()} exclude each other: close waits for a poll in progress to return.
 */
public final class BpfRingBuffer implements AutoCloseable {

    /** The smallest batch buffer accepted. */
    public static final int MIN_BATCH_BYTES = 64;

    private static final int MAX_TIMEOUT_MILLIS = 60_000;

    private final String map;

    private final ByteBuffer batch;

    private final ByteBuffer view;

    private long handle;

    BpfRingBuffer(long handle, String map, int batchBytes) {
        this.handle = handle;
        this.map = map;
        this.batch = ByteBuffer.allocateDirect(batchBytes).order(ByteOrder.nativeOrder());
        this.view = this.batch.duplicate().order(ByteOrder.nativeOrder());
    }

    /**
     * Waits up to {@code timeout} for records, drains the ring into the batch buffer and hands each
     * record to {@code handler}. A batch that fills stops the drain; the next poll continues it without
     * waiting.
     *
     * @return the number of records handed over
     * @throws BpfException when polling fails, or when a record is larger than the batch buffer
     * @throws IllegalStateException when the ring buffer is closed
     */
    public synchronized int poll(Duration timeout, RecordHandler handler) {
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        Objects.requireNonNull(handler, "'handler' must not be null");
        if (this.handle == 0) {
            throw new IllegalStateException("poll(..) called on closed ring buffer [" + this.map + "]");
        }
        int timeoutMillis = (int) Math.min(Math.max(timeout.toMillis(), 0), MAX_TIMEOUT_MILLIS);
        int used = Native.ringPoll(this.handle, this.batch, timeoutMillis);
        if (used < 0) {
            String detail = "ring buffer map [" + this.map + "]";
            if (used == -Errors.EMSGSIZE) {
                detail += ": a record is larger than the " + this.batch.capacity() + "-byte batch buffer";
            }
            throw Errors.newException("ring_buffer__poll", used, detail, Native.takeLog());
        }
        int records = 0;
        int offset = 0;
        while (offset + 4 <= used) {
            int length = this.batch.getInt(offset);
            int start = offset + 4;
            this.view.limit(start + length).position(start);
            handler.onRecord(this.view);
            offset = start + length;
            records++;
        }
        return records;
    }

    /** The ring-buffer map's name. */
    public String map() {
        return this.map;
    }

    /** Frees the consumer; the map itself goes with its object. Idempotent. */
    @Override
    public synchronized void close() {
        if (this.handle != 0) {
            Native.ringFree(this.handle);
            this.handle = 0;
        }
    }
}
