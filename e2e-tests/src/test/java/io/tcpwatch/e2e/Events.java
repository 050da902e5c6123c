package io.tcpwatch.e2e;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import io.tcpwatch.tracer.agent.format.JsonEventFormatter;
import io.tcpwatch.tracer.agent.sink.WazuhQueueSink;
import io.tcpwatch.tracer.kernel.KernelEvent;
import io.tcpwatch.tracer.kernel.KernelEvent.Direction;
import io.tcpwatch.tracer.kernel.KernelEvent.Kind;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Kernel events with chosen addresses, written by the tracer's own formatter as the agent would carry them. */
final class Events {

    private static final Instant SEEN = Instant.parse("2026-12-04T15:29:59.250001Z");

    private Events() {
    }

    /** The payload the tracer sends for one event by {@code process} ({@code exe} its executable). */
    static String payload(Kind kind, Direction direction, String process, String exe, String local, int localPort,
            String remote, int remotePort) {
        int family = address(local).getAddress().length == 4 ? 4 : 6;
        KernelEvent kernel = new KernelEvent(kind, direction, SEEN, 7001, 4242, 4242, 4100, 1000, 1000,
                process.length() > 15 ? process.substring(0, 15) : process, 8123, 4026531840L, family,
                address(local), localPort, address(remote), remotePort, 0, 0, 0);
        EnrichedEvent event = new EnrichedEvent(kernel, new ProcessInfo(4100, process, exe, exe, true), "alice");
        int limit = WazuhQueueSink.MAX_DATAGRAM_BYTES - "1:tcpwatch:".length();
        byte[] json = new JsonEventFormatter().format(event, limit);
        return new String(json, StandardCharsets.UTF_8);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an address literal: [" + text + "]", ex);
        }
    }
}
