package io.tcpwatch.tracer.agent.format;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes events as the JSON lines of {@code docs/event-schema.md}: keys in the schema's order, keys that do
 * not apply left out. Jackson writes every string, so no byte of a process name or command line can end its
 * string early and forge a field.
 *
 * <p>Only values that stay within 2^31-1 are JSON numbers (ports, ids of processes, users and groups). Wazuh's
 * JSON decoder prints any other number from a {@code double} with six decimals, rounding integers above 2^53,
 * so 64-bit values ({@code connection.bytes_*}, {@code process.cgroup_id}, the {@code tracer.*} counters), the
 * namespace inode {@code process.netns} and {@code connection.duration_ms} are strings of their decimal
 * digits, which the decoder keeps as they are.
 *
 * <p>An event longer than the limit has its long values cut, in this order, until it fits:
 * {@code process.cmdline}, {@code process.exe}, {@code process.name}. A cut value ends with
 * {@value #CUT_MARK} and its key is listed in {@code truncated}.
 */
public final class JsonEventFormatter implements EventFormatter {

    /** The schema version written in the {@code schema} key. */
    public static final int SCHEMA_VERSION = 1;

    /** What a cut value ends with. */
    public static final String CUT_MARK = "...";

    private static final int DURATION_DECIMALS = 3;

    private static final int NANOS_PER_MICRO = 1_000;

    private static final int INITIAL_BUFFER = 640;

    /** The long values in the order they are cut; IMPORTANT: the indexes below follow it. */
    private static final String[] CUT_ORDER = {"process.cmdline", "process.exe", "process.name"};

    private static final int CMDLINE = 0;

    private static final int EXE = 1;

    private static final int NAME = 2;

    /** The {@code truncated} value lists keys in the schema's order, which is the reverse of CUT_ORDER. */
    private static final int[] SCHEMA_ORDER = {NAME, EXE, CMDLINE};

    private final JsonFactory factory = JsonFactory.builder().build();

    @Override
    public byte[] format(EnrichedEvent event, int maxBytes) {
        ProcessInfo process = event.process();
        String[] values = {process.cmdline(), process.exe(), process.name()};
        boolean[] cut = new boolean[CUT_ORDER.length];
        byte[] json = write(event, values, cut);
        if (json.length <= maxBytes) {
            return json;
        }
        for (int field = 0; field < CUT_ORDER.length; field++) {
            String original = values[field];
            if (original == null) {
                continue;
            }
            cut[field] = true;
            int keep = longestFitting(event, values, cut, field, original, maxBytes);
            values[field] = cutValue(original, Math.max(keep, 0));
            json = write(event, values, cut);
            if (json.length <= maxBytes) {
                return json;
            }
        }
        throw new EventTooLargeException(eventName(event.kernel().kind()), json.length, maxBytes);
    }

    /** The largest number of characters of {@code original} to keep so that the event fits, or -1. */
    private int longestFitting(EnrichedEvent event, String[] values, boolean[] cut, int field, String original,
            int maxBytes) {
        int low = 0;
        int high = original.length() - 1;
        int best = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            values[field] = cutValue(original, mid);
            if (write(event, values, cut).length <= maxBytes) {
                best = mid;
                low = mid + 1;
            }
            else {
                high = mid - 1;
            }
        }
        return best;
    }

    private static String cutValue(String original, int keep) {
        int end = keep;
        if (end > 0 && Character.isHighSurrogate(original.charAt(end - 1))) {
            end--;
        }
        return original.substring(0, end) + CUT_MARK;
    }

    private byte[] write(EnrichedEvent event, String[] values, boolean[] cut) {
        KernelEvent kernel = event.kernel();
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            writeHeader(json, eventName(kernel.kind()), Timestamps.format(kernel.time()),
                    kernel.direction().name().toLowerCase(Locale.ROOT));
            Endpoints endpoints = Endpoints.of(kernel);
            json.writeStringProperty("srcip", endpoints.srcip());
            json.writeNumberProperty("srcport", endpoints.srcport());
            json.writeStringProperty("dstip", endpoints.dstip());
            json.writeNumberProperty("dstport", endpoints.dstport());
            json.writeStringProperty("protocol", "tcp");
            json.writeStringProperty("family", kernel.family() == 6 ? "ipv6" : "ipv4");
            writeConnection(json, kernel);
            writeProcess(json, event, values);
            String truncated = truncatedKeys(cut);
            if (truncated != null) {
                json.writeStringProperty("truncated", truncated);
            }
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeHeader(JsonGenerator json, String event, String timestamp, @Nullable String direction) {
        json.writeStringProperty("integration", "tcpwatch");
        json.writeNumberProperty("schema", SCHEMA_VERSION);
        json.writeStringProperty("event", event);
        if (direction != null) {
            json.writeStringProperty("direction", direction);
        }
        json.writeStringProperty("timestamp", timestamp);
    }

    private static void writeConnection(JsonGenerator json, KernelEvent kernel) {
        json.writeName("connection");
        json.writeStartObject();
        json.writeStringProperty("id", Long.toUnsignedString(kernel.connectionId()));
        if (kernel.kind() == KernelEvent.Kind.CLOSE) {
            json.writeStringProperty("duration_ms", durationMillis(kernel.durationNanos()).toPlainString());
            json.writeStringProperty("bytes_sent", Long.toUnsignedString(kernel.bytesSent()));
            json.writeStringProperty("bytes_received", Long.toUnsignedString(kernel.bytesReceived()));
        }
        json.writeEndObject();
    }

    /** Milliseconds with exactly three decimals, cut at the microsecond; {@code nanos} is unsigned. */
    static BigDecimal durationMillis(long nanos) {
        long micros = Long.divideUnsigned(nanos, NANOS_PER_MICRO);
        return BigDecimal.valueOf(micros, DURATION_DECIMALS);
    }

    private static void writeProcess(JsonGenerator json, EnrichedEvent event, String[] values) {
        KernelEvent kernel = event.kernel();
        json.writeName("process");
        json.writeStartObject();
        json.writeNumberProperty("pid", kernel.pid());
        json.writeNumberProperty("tid", kernel.tid());
        json.writeNumberProperty("ppid", event.process().ppid());
        json.writeStringProperty("name", values[NAME]);
        json.writeStringProperty("comm", kernel.comm());
        if (values[EXE] != null) {
            json.writeStringProperty("exe", values[EXE]);
        }
        if (values[CMDLINE] != null) {
            json.writeStringProperty("cmdline", values[CMDLINE]);
        }
        json.writeNumberProperty("uid", Integer.toUnsignedLong(kernel.uid()));
        json.writeNumberProperty("gid", Integer.toUnsignedLong(kernel.gid()));
        if (event.user() != null) {
            json.writeStringProperty("user", event.user());
        }
        json.writeStringProperty("cgroup_id", Long.toUnsignedString(kernel.cgroupId()));
        json.writeStringProperty("netns", Long.toUnsignedString(kernel.netnsInode()));
        json.writeEndObject();
    }

    private static @Nullable String truncatedKeys(boolean[] cut) {
        List<String> keys = new ArrayList<>(CUT_ORDER.length);
        for (int field : SCHEMA_ORDER) {
            if (cut[field]) {
                keys.add(CUT_ORDER[field]);
            }
        }
        return keys.isEmpty() ? null : String.join(",", keys);
    }

    @Override
    public byte[] format(HealthReport report, int maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            writeHeader(json, "health", Timestamps.format(report.time()), null);
            json.writeName("tracer");
            json.writeStartObject();
            json.writeStringProperty("hooks", report.hooks());
            json.writeStringProperty("hooks_missing", report.hooksMissing());
            json.writeStringProperty("events_lost", Long.toString(report.eventsLost()));
            json.writeStringProperty("ring_buffer_drops", Long.toString(report.ringBufferDrops()));
            json.writeStringProperty("owner_misses", Long.toString(report.ownerMisses()));
            json.writeStringProperty("decode_errors", Long.toString(report.decodeErrors()));
            json.writeStringProperty("sink_drops", Long.toString(report.sinkDrops()));
            json.writeStringProperty("events_sent", Long.toString(report.eventsSent()));
            json.writeStringProperty("events_filtered", Long.toString(report.eventsFiltered()));
            json.writeStringProperty("proc_misses", Long.toString(report.procMisses()));
            json.writeStringProperty("version", report.version());
            json.writeEndObject();
            json.writeEndObject();
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > maxBytes) {
            throw new EventTooLargeException("health", bytes.length, maxBytes);
        }
        return bytes;
    }

    /** The schema's {@code event} value for a kind. */
    static String eventName(KernelEvent.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
