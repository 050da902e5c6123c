package io.tcpwatch.tracer.agent.format;

import io.tcpwatch.tracer.kernel.KernelEvent;

/**
 * The schema's {@code srcip}/{@code dstip} view of an event: the source is the end that opened the
 * connection. The kernel gives local and remote ends instead.
 *
 * <p>For a close whose open was not seen ({@code direction} {@code unknown}), the source is this host's
 * end; the event's {@code direction} says that this is a guess.
 *
 * @param srcip the opening end's address
 * @param srcport the opening end's port
 * @param dstip the connected-to end's address
 * @param dstport the connected-to end's port
 */
public record Endpoints(String srcip, int srcport, String dstip, int dstport) {

    /** The endpoints of {@code event}. */
    public static Endpoints of(KernelEvent event) {
        String local = IpAddressText.format(event.localAddress());
        String remote = IpAddressText.format(event.remoteAddress());
        if (event.direction() == KernelEvent.Direction.INBOUND) {
            return new Endpoints(remote, event.remotePort(), local, event.localPort());
        }
        return new Endpoints(local, event.localPort(), remote, event.remotePort());
    }
}
