package io.tcpwatch.tracer.agent.enrich;

import io.tcpwatch.tracer.kernel.KernelEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Adds {@code /proc} facts and the user name to kernel events, reading each process once.
 *
 * <p>What was read is cached by pid and command name, for at most {@code ttl} and at most {@code maxEntries}
 * processes (the least recently used go first). So a close event still gets its process's executable
 * and command line after the process exited, as long as the process was seen while it was alive. A
 * process already gone when its first event arrives keeps the kernel's {@code comm}, {@code ppid} and
 * uid; that is counted as a {@linkplain #procMisses() miss}.
 *
 * <p>Does NOT notice a pid reused by a process of the same command name within the TTL: the cached
 * facts of the earlier process are served. Not thread-safe: called from the event source's thread.
 */
public final class ProcessEnricher {

    private final ProcReader procReader;

    private final UserDirectory users;

    private final long ttlNanos;

    private final LongSupplier nanoClock;

    private final Map<Key, Entry> cache;

    private final LongAdder lookups = new LongAdder();

    private final LongAdder procReads = new LongAdder();

    private final LongAdder procMisses = new LongAdder();

    /**
     * @param procReader reads {@code /proc}
     * @param users resolves user names
     * @param maxEntries the most processes kept, at least 1
     * @param ttl how long a process's facts are kept, positive
     * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests)
     */
    public ProcessEnricher(ProcReader procReader, UserDirectory users, int maxEntries, Duration ttl,
            LongSupplier nanoClock) {
        this.procReader = Objects.requireNonNull(procReader, "'procReader' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        Objects.requireNonNull(ttl, "'ttl' must not be null");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("'maxEntries' must be at least 1, was " + maxEntries);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be positive, was " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "'nanoClock' must not be null");
        this.cache = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Enriches one event; never fails, whatever {@code /proc} holds. */
    public EnrichedEvent enrich(KernelEvent event) {
        this.lookups.increment();
        Key key = new Key(event.pid(), event.comm());
        long now = this.nanoClock.getAsLong();
        Entry entry = this.cache.get(key);
        if (entry == null || now - entry.readAtNanos() > this.ttlNanos) {
            entry = new Entry(read(event), now);
            this.cache.put(key, entry);
        }
        return new EnrichedEvent(event, entry.info(), this.users.nameOf(event.uid()));
    }

    private ProcessInfo read(KernelEvent event) {
        this.procReads.increment();
        Optional<ProcessInfo> info = this.procReader.read(event.pid(), event.comm(), event.ppid());
        if (info.isPresent()) {
            return info.get();
        }
        this.procMisses.increment();
        return new ProcessInfo(event.ppid(), event.comm(), null, null, false);
    }

    /** Events enriched since start. */
    public long lookups() {
        return this.lookups.sum();
    }

    /** Times {@code /proc} was read (cache misses). */
    public long procReads() {
        return this.procReads.sum();
    }

    /** Processes that were gone from {@code /proc} before they could be read. */
    public long procMisses() {
        return this.procMisses.sum();
    }

    private record Key(int pid, String comm) {
    }

    private record Entry(ProcessInfo info, long readAtNanos) {
    }
}
