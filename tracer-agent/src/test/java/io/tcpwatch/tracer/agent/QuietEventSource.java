package io.tcpwatch.tracer.agent;

import io.tcpwatch.tracer.kernel.EventSource;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.util.List;
import java.util.function.Consumer;

/** An event source for tests: delivers a fixed list of events on start and reports fixed counters. */
public final class QuietEventSource implements EventSource {

    private final List<KernelEvent> events;

    private final SourceCounters counters;

    private volatile boolean closed;

    public QuietEventSource(List<KernelEvent> events, SourceCounters counters) {
        this.events = List.copyOf(events);
        this.counters = counters;
    }

    public static QuietEventSource empty() {
        return new QuietEventSource(List.of(), new SourceCounters(0, 0, 0));
    }

    @Override
    public void start(Consumer<KernelEvent> consumer) {
        this.events.forEach(consumer);
    }

    @Override
    public SourceCounters counters() {
        return this.counters;
    }

    @Override
    public String describeHooks() {
        return "tp_btf/inet_sock_set_state (connect, close), tp_btf/sys_exit (accept); refused first:"
                + " fexit/inet_csk_accept: bpf_object__load(..) failed with error(1)";
    }

    @Override
    public void close() {
        this.closed = true;
    }

    public boolean isClosed() {
        return this.closed;
    }
}
