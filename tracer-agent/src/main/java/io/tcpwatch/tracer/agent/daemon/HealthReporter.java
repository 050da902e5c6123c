package io.tcpwatch.tracer.agent.daemon;

import io.tcpwatch.tracer.agent.format.EventFormatter;
import io.tcpwatch.tracer.agent.format.EventTooLargeException;
import io.tcpwatch.tracer.agent.format.HealthReport;
import io.tcpwatch.tracer.agent.sink.EventSink;
import io.tcpwatch.tracer.kernel.EventSource;
import java.time.Clock;
import java.util.Objects;

/**
 * Takes the tracer's counters (source, pipeline, sink) as a {@link HealthReport} and sends it as a
 * {@code health} event through the same sink as the connection events.
 */
public final class HealthReporter {

    private final EventSource source;

    private final HookSet hooks;

    private final EventPipeline pipeline;

    private final EventFormatter formatter;

    private final EventSink sink;

    private final String version;

    private final Clock clock;

    public HealthReporter(EventSource source, HookSet hooks, EventPipeline pipeline, EventFormatter formatter,
            EventSink sink, String version, Clock clock) {
        this.source = Objects.requireNonNull(source, "'source' must not be null");
        this.hooks = Objects.requireNonNull(hooks, "'hooks' must not be null");
        this.pipeline = Objects.requireNonNull(pipeline, "'pipeline' must not be null");
        this.formatter = Objects.requireNonNull(formatter, "'formatter' must not be null");
        this.sink = Objects.requireNonNull(sink, "'sink' must not be null");
        this.version = Objects.requireNonNull(version, "'version' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /** The counters now. */
    public HealthReport report() {
        EventSource.SourceCounters counters = this.source.counters();
        long sinkDrops = this.sink.dropped() + this.pipeline.formatDrops();
        long lost = counters.ringBufferDrops() + counters.decodeErrors() + sinkDrops;
        return new HealthReport(this.clock.instant(), this.hooks.inUse(), this.hooks.missing(), lost,
                counters.ringBufferDrops(), counters.ownerMisses(), counters.decodeErrors(), sinkDrops,
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
