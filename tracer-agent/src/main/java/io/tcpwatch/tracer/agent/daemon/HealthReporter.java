package io.tcpwatch.tracer.agent.daemon;

import io.tcpwatch.tracer.agent.format.EventFormatter;
import io.tcpwatch.tracer.agent.format.EventTooLargeException;
import io.tcpwatch.tracer.agent.format.HealthReport;
import io.tcpwatch.tracer.agent.sink.EventSink;
import io.tcpwatch.tracer.kernel.EventSource;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Takes the tracer's counters (source, pipeline, sink) as a {@link HealthReport} and sends it as a
 * {@code health} event through the same sink as the connection events. Its {@code events_lost} is the
 * {@link Losses#total()}: ring-buffer drops, the BPF programs' recursion misses, decode errors and sink drops.
 */
public final class HealthReporter {

    private final EventSource source;

    private final HookSet hooks;

    private final LongSupplier recursionMisses;

    private final EventPipeline pipeline;

    private final EventFormatter formatter;

    private final EventSink sink;

    private final String version;

    private final Clock clock;

    /**
     * Makes a reporter.
     *
     * @param recursionMisses reads the times the kernel skipped the source's BPF programs for recursion
     *     (such as {@code BpfEventSource::recursionMisses}); after the source is closed, the value at close
     */
    public HealthReporter(EventSource source, HookSet hooks, LongSupplier recursionMisses, EventPipeline pipeline,
            EventFormatter formatter, EventSink sink, String version, Clock clock) {
        this.source = Objects.requireNonNull(source, "'source' must not be null");
        this.hooks = Objects.requireNonNull(hooks, "'hooks' must not be null");
        this.recursionMisses = Objects.requireNonNull(recursionMisses, "'recursionMisses' must not be null");
        this.pipeline = Objects.requireNonNull(pipeline, "'pipeline' must not be null");
        this.formatter = Objects.requireNonNull(formatter, "'formatter' must not be null");
        this.sink = Objects.requireNonNull(sink, "'sink' must not be null");
        this.version = Objects.requireNonNull(version, "'version' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /** The losses now, by cause. */
    public Losses losses() {
        EventSource.SourceCounters counters = this.source.counters();
        long sinkDrops = this.sink.dropped() + this.pipeline.formatDrops();
        return new Losses(counters.ringBufferDrops(), this.recursionMisses.getAsLong(), counters.decodeErrors(),
                sinkDrops, counters.ownerMisses());
    }

    /** The counters now. */
    public HealthReport report() {
        Losses losses = losses();
        return new HealthReport(this.clock.instant(), this.hooks.inUse(), this.hooks.missing(), losses.total(),
                losses.ringBufferDrops(), losses.ownerMisses(), losses.decodeErrors(), losses.sinkDrops(),
                this.sink.sent(), this.pipeline.filter().filteredTotal(), this.pipeline.enricher().procMisses(),
                this.version);
    }

    /** Sends a health event now. */
    public void send() {
        try {
            this.sink.submit(this.formatter.format(report(), this.sink.maxPayloadBytes()));
        }
        catch (EventTooLargeException ex) {
            throw new IllegalStateException("A health event must fit in the sink's limit", ex);
        }
    }
}
