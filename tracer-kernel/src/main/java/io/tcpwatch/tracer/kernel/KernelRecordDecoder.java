package io.tcpwatch.tracer.kernel;

import io.tcpwatch.tracer.kernel.KernelEvent.Direction;
import io.tcpwatch.tracer.kernel.KernelEvent.Kind;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Decodes the BPF program's ring-buffer records ({@code struct tcpwatch_event} in
 * {@code src/main/bpf/tcpwatch.h}) into {@link KernelEvent}s.
 *
 * <p>IMPORTANT: the offsets below mirror {@code tcpwatch.h}; KernelRecordDecoderTests checks them
 * against the header compiled by gcc.
 *
 * <p>The kernel stamps events with {@code CLOCK_MONOTONIC}, the clock behind {@link System#nanoTime()}
 * on Linux; the decoder adds the offset between that clock and the wall clock, which
 * {@link #recalibrate()} refreshes. Not thread-safe: one decoder per polling thread; the counters may be
 * read from any thread.
 */
public final class KernelRecordDecoder {

    /** {@code TCPWATCH_EVENT_SIZE}. */
    public static final int RECORD_BYTES = 128;

    /** {@code TCPWATCH_LAYOUT_VERSION}. */
    public static final int LAYOUT_VERSION = 1;

    static final int TS_NS = 0;
    static final int CONN_ID = 8;
    static final int CGROUP_ID = 16;
    static final int BYTES_ACKED = 24;
    static final int BYTES_RECEIVED = 32;
    static final int DURATION_NS = 40;
    static final int PID = 48;
    static final int TID = 52;
    static final int PPID = 56;
    static final int UID = 60;
    static final int GID = 64;
    static final int NETNS_INO = 68;
    static final int LADDR = 72;
    static final int RADDR = 88;
    static final int LPORT = 104;
    static final int RPORT = 106;
    static final int KIND = 108;
    static final int DIRECTION = 109;
    static final int FAMILY = 110;
    static final int LAYOUT = 111;
    static final int COMM = 112;

    static final int COMM_BYTES = 16;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private static final Kind[] KINDS = {null, Kind.CONNECT, Kind.ACCEPT, Kind.CLOSE};

    private static final Direction[] DIRECTIONS = {Direction.UNKNOWN, Direction.OUTBOUND, Direction.INBOUND};

    private final byte[] v4 = new byte[4];

    private final byte[] v6 = new byte[16];

    private final byte[] comm = new byte[COMM_BYTES];

    private long epochMinusMonotonicNanos;

    private volatile long decodeErrors;

    private volatile String lastError = "";

    /** A decoder whose clock offset is measured now. */
    public KernelRecordDecoder() {
        this(currentEpochMinusMonotonicNanos());
    }

    /**
     * A decoder with a fixed clock offset.
     *
     * @param epochMinusMonotonicNanos wall-clock nanoseconds since the epoch minus the monotonic clock's
     *     nanoseconds, at the same moment
     */
    public KernelRecordDecoder(long epochMinusMonotonicNanos) {
        this.epochMinusMonotonicNanos = epochMinusMonotonicNanos;
    }

    /** Measures the offset between the wall clock and the monotonic clock again (after an NTP step). */
    public void recalibrate() {
        this.epochMinusMonotonicNanos = currentEpochMinusMonotonicNanos();
    }

    static long currentEpochMinusMonotonicNanos() {
        Instant now = Instant.now();
        long monotonic = System.nanoTime();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - monotonic;
    }

    /**
     * Decodes one record, the bytes between {@code record}'s position and limit.
     *
     * @throws IllegalArgumentException naming the field and its offset when the record is malformed
     */
    public KernelEvent decode(ByteBuffer record) {
        ByteBuffer r = record.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (r.remaining() != RECORD_BYTES) {
            throw new IllegalArgumentException("kernel record of " + r.remaining() + " bytes, expected "
                    + RECORD_BYTES);
        }
        int layout = Byte.toUnsignedInt(r.get(LAYOUT));
        if (layout != LAYOUT_VERSION) {
            throw new IllegalArgumentException("kernel record layout_version [" + layout + "] at offset " + LAYOUT
                    + ", expected " + LAYOUT_VERSION);
        }
        Kind kind = lookup(KINDS, r, KIND, "kind");
        Direction direction = lookup(DIRECTIONS, r, DIRECTION, "direction");
        int family = Byte.toUnsignedInt(r.get(FAMILY));
        InetAddress local = address(r, family, LADDR);
        InetAddress remote = address(r, family, RADDR);
        return new KernelEvent(kind, direction, wallClock(r.getLong(TS_NS)), r.getLong(CONN_ID), r.getInt(PID),
                r.getInt(TID), r.getInt(PPID), r.getInt(UID), r.getInt(GID), comm(r), r.getLong(CGROUP_ID),
                Integer.toUnsignedLong(r.getInt(NETNS_INO)), local instanceof Inet4Address ? 4 : 6, local,
                Short.toUnsignedInt(r.getShort(LPORT)), remote, Short.toUnsignedInt(r.getShort(RPORT)),
                r.getLong(BYTES_ACKED), r.getLong(BYTES_RECEIVED), r.getLong(DURATION_NS));
    }

    /**
     * Decodes one record and hands the event to {@code consumer}; a malformed record is counted (see
     * {@link #decodeErrors()}) instead of thrown.
     *
     * @return whether the record was decoded
     */
    public boolean decodeTo(ByteBuffer record, Consumer<? super KernelEvent> consumer) {
        KernelEvent event;
        try {
            event = decode(record);
        }
        catch (IllegalArgumentException ex) {
            this.lastError = ex.getMessage();
            this.decodeErrors++;
            return false;
        }
        consumer.accept(event);
        return true;
    }

    /** Records that could not be decoded so far. */
    public long decodeErrors() {
        return this.decodeErrors;
    }

    /** The message of the latest decode error; empty when there was none. */
    public String lastError() {
        return this.lastError;
    }

    private Instant wallClock(long monotonicNanos) {
        long epochNanos = monotonicNanos + this.epochMinusMonotonicNanos;
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static <T> T lookup(T[] values, ByteBuffer r, int offset, String field) {
        int value = Byte.toUnsignedInt(r.get(offset));
        if (value >= values.length || values[value] == null) {
            throw new IllegalArgumentException("kernel record has unknown " + field + " [" + value
                    + "] at offset " + offset);
        }
        return values[value];
    }

    private InetAddress address(ByteBuffer r, int family, int offset) {
        byte[] bytes;
        if (family == AF_INET) {
            bytes = this.v4;
        }
        else if (family == AF_INET6) {
            bytes = this.v6;
        }
        else {
            throw new IllegalArgumentException("kernel record has unknown family [" + family + "] at offset "
                    + FAMILY + ", expected " + AF_INET + " or " + AF_INET6);
        }
        r.get(offset, bytes);
        try {
            // Returns an Inet4Address for an IPv4-mapped IPv6 address (::ffff:a.b.c.d).
            return InetAddress.getByAddress(bytes);
        }
        catch (UnknownHostException ex) {
            throw new IllegalStateException("unreachable: address of " + bytes.length + " bytes", ex);
        }
    }

    private String comm(ByteBuffer r) {
        r.get(COMM, this.comm);
        int length = 0;
        while (length < COMM_BYTES && this.comm[length] != 0) {
            length++;
        }
        return new String(this.comm, 0, length, StandardCharsets.UTF_8);
    }
}
