package io.tcpwatch.dashboards.check;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of the tcpwatch event (schema 1, docs/event-schema.md), as the alert names them under
 * {@code data.}. The index template maps few of them explicitly; the others get the template's dynamic
 * rule for strings, because Wazuh's JSON decoder writes every value as a string.
 */
public final class EventSchema {

    /** The dotted keys of the event. IMPORTANT: keep in step with docs/event-schema.md (a test compares). */
    public static final List<String> KEYS = List.of("integration", "schema", "event", "direction", "timestamp",
            "srcip", "srcport", "dstip", "dstport", "protocol", "family", "connection.id", "connection.duration_ms",
            "connection.bytes_sent", "connection.bytes_received", "process.pid", "process.tid", "process.ppid",
            "process.name", "process.comm", "process.exe", "process.cmdline", "process.uid", "process.gid",
            "process.user", "process.cgroup_id", "process.netns", "tracer.hooks", "tracer.hooks_missing",
            "tracer.events_lost", "tracer.ring_buffer_drops", "tracer.owner_misses", "tracer.decode_errors",
            "tracer.sink_drops", "tracer.events_sent", "tracer.version", "truncated");

    private EventSchema() {
    }

    /**
     * The alert fields of the event.
     *
     * @return {@code data.<key>} for every key
     */
    public static Set<String> alertFields() {
        return KEYS.stream().map((key) -> "data." + key).collect(Collectors.toUnmodifiableSet());
    }

}
