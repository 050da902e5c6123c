package io.tcpwatch.tracer.agent.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink with a bounded buffer and one writer thread that owns the destination: it opens it, writes
 * each payload, and on a failure closes it and opens it again every {@code retryInterval}. The payload
 * being written stays in the buffer until it was written, so the buffer's capacity is exactly the
 * number of events held while the destination is away; each event beyond it is counted as dropped.
 *
 * <p>Logging: one line when the destination becomes unreachable (the cause) and one when it is back,
 * never one per event.
 */
public abstract class QueuedSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(QueuedSink.class);

    private static final long REOPEN_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Write failures of one event, each on a newly opened destination, after which it is dropped. */
    private static final int MAX_HEAD_FAILURES = 3;

    private final String threadName;

    private final int capacity;

    private final long retryNanos;

    private final long closeTimeoutNanos;

    private final ArrayDeque<byte[]> buffer;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition changed = this.lock.newCondition();

    private final LongAdder sent = new LongAdder();

    private final LongAdder dropped = new LongAdder();

    private boolean closing;

    private @Nullable Thread writer;

    private boolean open;

    private boolean outage;

    private long droppedAtOutage;

    private long lastReopenCheck;

    private int headFailures;

    /**
     * @param threadName the writer thread's name
     * @param capacity the most events buffered, at least 1
     * @param retryInterval how long to wait between attempts to open the destination
     * @param closeTimeout how long {@link #close()} waits for buffered events to be delivered
     */
    protected QueuedSink(String threadName, int capacity, Duration retryInterval, Duration closeTimeout) {
        this.threadName = Objects.requireNonNull(threadName, "'threadName' must not be null");
        if (capacity < 1) {
            throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.retryNanos = retryInterval.toNanos();
        this.closeTimeoutNanos = closeTimeout.toNanos();
        this.buffer = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /** Opens the destination; called on the writer thread. */
    protected abstract void openDestination() throws IOException;

    /** Writes one payload to the open destination; called on the writer thread. */
    protected abstract void writePayload(byte[] payload) throws IOException;

    /** Closes the destination, ignoring errors; called on the writer thread or by {@link #close()}. */
    protected abstract void closeDestination();

    /**
     * Whether the open destination was replaced (a rotated file, an agent that bound a new socket) and
     * should be opened again; checked at most once a second.
     */
    protected boolean destinationReplaced() {
        return false;
    }

    /**
     * Logs, in one line, that the destination became unreachable; called once per outage. Subclasses that
     * know a cause the operator must fix log it at ERROR instead.
     *
     * @param failure why opening or writing failed
     * @param capacity the most events held meanwhile
     * @param retryMillis the time between attempts to open the destination again
     */
    protected void reportUnreachable(IOException failure, int capacity, long retryMillis) {
        log.warn("{} is unreachable ({}); holding up to {} events and retrying every {} ms", description(),
                failure.getMessage(), capacity, retryMillis);
    }

    @Override
    public void start() {
        this.lock.lock();
        try {
            if (this.writer != null || this.closing) {
                return;
            }
            Thread thread = new Thread(this::run, this.threadName);
            thread.setDaemon(true);
            this.writer = thread;
            thread.start();
        }
        finally {
            this.lock.unlock();
        }
    }

    @Override
    public void submit(byte[] payload) {
        if (payload.length > maxPayloadBytes()) {
            this.dropped.increment();
            return;
        }
        this.lock.lock();
        try {
            if (this.closing || this.buffer.size() >= this.capacity) {
                this.dropped.increment();
                return;
            }
            this.buffer.addLast(payload);
            if (this.buffer.size() == 1) {
                // the writer waits only on an empty buffer (or between retries): wake it once per batch
                this.changed.signal();
            }
        }
        finally {
            this.lock.unlock();
        }
    }

    @Override
    public long sent() {
        return this.sent.sum();
    }

    @Override
    public long dropped() {
        return this.dropped.sum();
    }

    /** Events waiting in the buffer now. */
    public int buffered() {
        this.lock.lock();
        try {
            return this.buffer.size();
        }
        finally {
            this.lock.unlock();
        }
    }

    private void run() {
        boolean draining = false;
        long deadline = 0;
        while (true) {
            byte[] next = awaitNext();
            if (next == null) {
                break;
            }
            if (!draining && isClosing()) {
                draining = true;
                deadline = System.nanoTime() + this.closeTimeoutNanos;
            }
            long left = deadline - System.nanoTime();
            if (draining && left <= 0) {
                break;
            }
            if (!ensureOpen()) {
                pause(draining ? Math.min(this.retryNanos, left) : this.retryNanos);
                continue;
            }
            try {
                writePayload(next);
                removeHead();
                this.sent.increment();
                this.headFailures = 0;
            }
            catch (IOException | RuntimeException ex) {
                writeFailed(next, ex instanceof IOException io ? io : new IOException(ex.toString(), ex));
            }
        }
        closeDestination();
        this.open = false;
        dropRemaining();
    }

    private boolean ensureOpen() {
        long now = System.nanoTime();
        if (this.open && now - this.lastReopenCheck > REOPEN_CHECK_NANOS) {
            this.lastReopenCheck = now;
            if (destinationReplaced()) {
                closeDestination();
                this.open = false;
            }
        }
        if (this.open) {
            return true;
        }
        try {
            openDestination();
            this.open = true;
            this.lastReopenCheck = now;
            if (this.outage) {
                this.outage = false;
                log.info("{} is reachable again; {} events were dropped while it was not",
                        description(), dropped() - this.droppedAtOutage);
            }
            return true;
        }
        catch (IOException ex) {
            closeDestination();
            startOutage(ex);
            return false;
        }
    }

    /**
     * A write failed: reopen the destination and try the same event again, unless a freshly opened
     * destination refused it {@value #MAX_HEAD_FAILURES} times, which means the event itself is refused
     * (it is then dropped and counted, so that one event cannot block the others).
     */
    private void writeFailed(byte[] payload, IOException ex) {
        closeDestination();
        this.open = false;
        this.headFailures++;
        if (this.headFailures >= MAX_HEAD_FAILURES) {
            this.headFailures = 0;
            removeHead();
            this.dropped.increment();
            log.warn("{} refused an event of {} bytes {} times; dropped it", description(), payload.length,
                    MAX_HEAD_FAILURES, ex);
            return;
        }
        startOutage(ex);
    }

    private void startOutage(IOException ex) {
        if (this.outage) {
            return;
        }
        this.outage = true;
        this.droppedAtOutage = dropped();
        reportUnreachable(ex, this.capacity, TimeUnit.NANOSECONDS.toMillis(this.retryNanos));
    }

    private @Nullable byte[] awaitNext() {
        this.lock.lock();
        try {
            while (this.buffer.isEmpty()) {
                if (this.closing) {
                    return null;
                }
                this.changed.awaitUninterruptibly();
            }
            return this.buffer.peekFirst();
        }
        finally {
            this.lock.unlock();
        }
    }

    private void removeHead() {
        this.lock.lock();
        try {
            this.buffer.pollFirst();
        }
        finally {
            this.lock.unlock();
        }
    }

    private boolean isClosing() {
        this.lock.lock();
        try {
            return this.closing;
        }
        finally {
            this.lock.unlock();
        }
    }

    private void pause(long nanos) {
        this.lock.lock();
        try {
            if (nanos > 0) {
                this.changed.awaitNanos(nanos);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            this.lock.unlock();
        }
    }

    private void dropRemaining() {
        this.lock.lock();
        try {
            this.dropped.add(this.buffer.size());
            this.buffer.clear();
            this.changed.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    @Override
    public void close() {
        Thread thread;
        this.lock.lock();
        try {
            if (this.closing) {
                thread = this.writer;
            }
            else {
                this.closing = true;
                thread = this.writer;
                this.changed.signalAll();
            }
            if (thread == null) {
                this.dropped.add(this.buffer.size());
                this.buffer.clear();
                return;
            }
        }
        finally {
            this.lock.unlock();
        }
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(this.closeTimeoutNanos) + TimeUnit.SECONDS.toMillis(1));
            if (thread.isAlive()) {
                closeDestination();
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(1));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
