package io.tcpwatch.tracer.agent.daemon;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessEnricher;
import io.tcpwatch.tracer.agent.filter.EventFilter;
import io.tcpwatch.tracer.agent.format.EventFormatter;
import io.tcpwatch.tracer.agent.format.EventTooLargeException;
import io.tcpwatch.tracer.agent.sink.EventSink;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of each kernel event: filter on the kernel's fields, enrich from {@code /proc}, filter on the
 * process, format, hand to the sink. Runs on the event source's thread and never blocks it.
 *
 * <p>An event that cannot be formatted (too large even after cutting) or that meets an unexpected error
 * is dropped and counted; the first unexpected error is logged, later ones only counted.
 */
public final class EventPipeline implements Consumer<KernelEvent> {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);

    private final EventFilter filter;

    private final ProcessEnricher enricher;

    private final EventFormatter formatter;

    private final EventSink sink;

    private final LongAdder received = new LongAdder();

    private final LongAdder formatDrops = new LongAdder();

    private final AtomicBoolean errorLogged = new AtomicBoolean();

    public EventPipeline(EventFilter filter, ProcessEnricher enricher, EventFormatter formatter, EventSink sink) {
        this.filter = Objects.requireNonNull(filter, "'filter' must not be null");
        this.enricher = Objects.requireNonNull(enricher, "'enricher' must not be null");
        this.formatter = Objects.requireNonNull(formatter, "'formatter' must not be null");
        this.sink = Objects.requireNonNull(sink, "'sink' must not be null");
    }

    @Override
    public void accept(KernelEvent event) {
        this.received.increment();
        try {
            if (!this.filter.acceptsKernelEvent(event)) {
                return;
            }
            EnrichedEvent enriched = this.enricher.enrich(event);
            if (!this.filter.acceptsProcess(enriched)) {
                return;
            }
            this.sink.submit(this.formatter.format(enriched, this.sink.maxPayloadBytes()));
        }
        catch (EventTooLargeException ex) {
            this.formatDrops.increment();
        }
        catch (RuntimeException ex) {
            this.formatDrops.increment();
            if (this.errorLogged.compareAndSet(false, true)) {
                log.warn("Dropped an event that could not be processed; later ones are only counted", ex);
            }
        }
    }

    /** Kernel events received since start, filtered ones included. */
    public long received() {
        return this.received.sum();
    }

    /** Events dropped before the sink because they could not be formatted or processed. */
    public long formatDrops() {
        return this.formatDrops.sum();
    }

    /** The filter, for its counters. */
    public EventFilter filter() {
        return this.filter;
    }

    /** The enricher, for its counters. */
    public ProcessEnricher enricher() {
        return this.enricher;
    }
}
