package io.tcpwatch.tracer.agent;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** Builds kernel events for tests; the defaults are the schema's curl connect example. */
public final class KernelEvents {

    private KernelEvent.Kind kind = KernelEvent.Kind.CONNECT;

    private KernelEvent.Direction direction = KernelEvent.Direction.OUTBOUND;

    private Instant time = Instant.parse("2026-12-04T15:30:00.123456Z");

    private long connectionId = 18446744072639L;

    private int pid = 4242;

    private int tid = 4242;

    private int ppid = 4100;

    private int uid = 1000;

    private int gid = 1000;

    private String comm = "curl";

    private long cgroupId = 8123;

    private long netns = 4026531840L;

    private int family = 4;

    private String local = "10.0.0.5";

    private int localPort = 51234;

    private String remote = "93.184.216.34";

    private int remotePort = 443;

    private long bytesSent;

    private long bytesReceived;

    private long durationNanos;

    public static KernelEvents curlConnect() {
        return new KernelEvents();
    }

    public KernelEvents kind(KernelEvent.Kind value) {
        this.kind = value;
        return this;
    }

    public KernelEvents direction(KernelEvent.Direction value) {
        this.direction = value;
        return this;
    }

    public KernelEvents time(String value) {
        this.time = Instant.parse(value);
        return this;
    }

    public KernelEvents connectionId(long value) {
        this.connectionId = value;
        return this;
    }

    public KernelEvents process(int pidValue, int tidValue, int ppidValue, String commValue) {
        this.pid = pidValue;
        this.tid = tidValue;
        this.ppid = ppidValue;
        this.comm = commValue;
        return this;
    }

    public KernelEvents user(int uidValue, int gidValue) {
        this.uid = uidValue;
        this.gid = gidValue;
        return this;
    }

    public KernelEvents cgroup(long value) {
        this.cgroupId = value;
        return this;
    }

    public KernelEvents local(String address, int port) {
        this.local = address;
        this.localPort = port;
        this.family = address.contains(":") ? 6 : 4;
        return this;
    }

    public KernelEvents remote(String address, int port) {
        this.remote = address;
        this.remotePort = port;
        return this;
    }

    public KernelEvents closed(long sent, long received, long nanos) {
        this.kind = KernelEvent.Kind.CLOSE;
        this.bytesSent = sent;
        this.bytesReceived = received;
        this.durationNanos = nanos;
        return this;
    }

    public KernelEvent build() {
        return new KernelEvent(this.kind, this.direction, this.time, this.connectionId, this.pid, this.tid,
                this.ppid, this.uid, this.gid, this.comm, this.cgroupId, this.netns, this.family, address(this.local),
                this.localPort, address(this.remote), this.remotePort, this.bytesSent, this.bytesReceived,
                this.durationNanos);
    }

    /** The event with the schema example's curl process facts and user alice. */
    public EnrichedEvent enrichedAsCurl() {
        KernelEvent event = build();
        return new EnrichedEvent(event, new ProcessInfo(event.ppid(), "curl", "/usr/bin/curl",
                "curl https://example.org/", true), "alice");
    }

    /** The accept example of docs/event-schema.md. */
    public static EnrichedEvent schemaAccept() {
        KernelEvent kernel = curlConnect().kind(KernelEvent.Kind.ACCEPT).direction(KernelEvent.Direction.INBOUND)
                .time("2026-12-04T15:31:10.000001Z").connectionId(18446744072700L).process(812, 812, 1, "sshd")
                .user(0, 0).cgroup(4312).local("10.0.0.5", 22).remote("81.2.69.142", 40022).build();
        return new EnrichedEvent(kernel, new ProcessInfo(1, "sshd", "/usr/sbin/sshd", "sshd: /usr/sbin/sshd -D", true),
                "root");
    }

    /** The close example of docs/event-schema.md. */
    public static EnrichedEvent schemaClose() {
        return curlConnect().time("2026-12-04T15:30:00.456789Z").closed(517, 4096, 333_333_000L).enrichedAsCurl();
    }

    /** The IPv6 connect example of docs/event-schema.md. */
    public static EnrichedEvent schemaIpv6Connect() {
        KernelEvent kernel = curlConnect().time("2026-12-04T15:32:00.000100Z").connectionId(18446744072800L)
                .process(977, 977, 1, "systemd-resolve").user(991, 991).cgroup(3100)
                .local("2001:db8:0:0:0:0:0:5", 40100).remote("2001:4860:4860:0:0:0:0:8888", 53).build();
        return new EnrichedEvent(kernel, new ProcessInfo(1, "systemd-resolved", "/usr/lib/systemd/systemd-resolved",
                null, true), "systemd-resolve");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not a literal: " + literal, ex);
        }
    }
}
