package io.tcpwatch.tracer.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Keeps every event delivered (other processes on the machine make connections too, so tests pick
 * theirs afterwards, by port).
 */
final class EventCollector implements Consumer<KernelEvent> {

    private final List<KernelEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(KernelEvent event) {
        this.events.add(event);
        notifyAll();
    }

    /** Waits until {@code count} events match, or the timeout; returns those that match. */
    synchronized List<KernelEvent> await(Predicate<KernelEvent> filter, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<KernelEvent> matching = matching(filter);
        while (matching.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
            matching = matching(filter);
        }
        return matching;
    }

    synchronized List<KernelEvent> matching(Predicate<KernelEvent> filter) {
        return this.events.stream().filter(filter).toList();
    }

    /** Every event delivered. */
    synchronized int size() {
        return this.events.size();
    }

    /** Matches the events with {@code port} at either end. */
    static Predicate<KernelEvent> port(int port) {
        return event -> event.localPort() == port || event.remotePort() == port;
    }
}
