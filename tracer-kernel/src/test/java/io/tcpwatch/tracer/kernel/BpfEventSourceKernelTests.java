package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpwatch.bpf.BpfException;
import io.tcpwatch.bpf.BpfProgramStats;
import io.tcpwatch.bpf.BpfRunTimeStats;
import io.tcpwatch.bpf.Libbpf;
import io.tcpwatch.tracer.kernel.BpfEventSource.AcceptHook;
import io.tcpwatch.tracer.kernel.BpfEventSource.Options;
import io.tcpwatch.tracer.kernel.KernelEvent.Direction;
import io.tcpwatch.tracer.kernel.KernelEvent.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens the BPF source on the running kernel, makes loopback connections from a child process and
 * checks the exact events. Needs root (or CAP_BPF + CAP_PERFMON).
 */
class BpfEventSourceKernelTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final long jvmPid = ProcessHandle.current().pid();

    @BeforeEach
    void bpfLoads() {
        BpfAssumptions.assumeBpfSourceLoads();
    }

    @Test
    void ipv4ConnectAcceptAndBothClosesAreReportedWithTheirProcesses() throws Exception {
        exchangeIsReportedExactly("127.0.0.1", 4);
    }

    @Test
    void ipv6ConnectAcceptAndBothClosesAreReportedWithTheirProcesses() throws Exception {
        exchangeIsReportedExactly("::1", 6);
    }

    private void exchangeIsReportedExactly(String host, int family) throws Exception {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults())) {
            EventCollector collector = new EventCollector();
            source.start(collector);

            LoopbackExchange exchange = LoopbackExchange.run(host);
            List<KernelEvent> events = collector.await(EventCollector.port(exchange.serverPort()), 4, WAIT);

            assertThat(events).extracting(KernelEvent::kind).containsExactlyInAnyOrder(Kind.CONNECT, Kind.ACCEPT,
                    Kind.CLOSE, Kind.CLOSE);
            KernelEvent connect = only(events, Kind.CONNECT, Direction.OUTBOUND);
            KernelEvent accept = only(events, Kind.ACCEPT, Direction.INBOUND);
            KernelEvent clientClose = only(events, Kind.CLOSE, Direction.OUTBOUND);
            KernelEvent serverClose = only(events, Kind.CLOSE, Direction.INBOUND);
            assertChildSide(connect, exchange, family);
            assertChildSide(clientClose, exchange, family);
            assertServerSide(accept, exchange, family);
            assertServerSide(serverClose, exchange, family);
            assertThat(clientClose.connectionId()).isEqualTo(connect.connectionId());
            assertThat(serverClose.connectionId()).isEqualTo(accept.connectionId())
                    .isNotEqualTo(connect.connectionId());
            // The kernel counts sequence space: the connector's SYN, and each side's FIN, are one byte each.
            assertBytes(connect, 0, 0);
            assertBytes(accept, 0, 0);
            assertBytes(clientClose, LoopbackExchange.REQUEST.length() + 2, LoopbackExchange.REPLY.length() + 1);
            assertBytes(serverClose, LoopbackExchange.REPLY.length() + 1, LoopbackExchange.REQUEST.length() + 1);
            assertThat(Stream.of(clientClose, serverClose).map(KernelEvent::durationNanos))
                    .allSatisfy(d -> assertThat(d).isPositive()
                            .isLessThanOrEqualTo(Duration.between(exchange.started(), exchange.finished()).toNanos()));
            assertThat(source.counters().decodeErrors()).isZero();
        }
    }

    @Test
    void excludedProcessHasNoEventsWhileOthersStillDo() throws Exception {
        Options options = new Options(1 << 20, Duration.ofMillis(20), Set.of((int) this.jvmPid));
        try (BpfEventSource source = BpfEventSource.open(options)) {
            EventCollector collector = new EventCollector();
            source.start(collector);

            LoopbackExchange exchange = LoopbackExchange.run("127.0.0.1");
            collector.await(EventCollector.port(exchange.serverPort()), 2, WAIT);
            Thread.sleep(300);
            List<KernelEvent> events = collector.matching(EventCollector.port(exchange.serverPort()));

            assertThat(events).extracting(KernelEvent::kind).containsExactly(Kind.CONNECT, Kind.CLOSE);
            assertThat(events).extracting(KernelEvent::pid).containsOnly((int) exchange.childPid());
        }
    }

    @Test
    void fullRingBufferDropsAreCountedByTheKernel() throws Exception {
        int ringBytes = 4096;
        int connections = 100;
        try (BpfEventSource source = BpfEventSource.open(new Options(ringBytes, Duration.ofMillis(20), Set.of()))) {
            connectRepeatedly(connections);
            EventCollector collector = new EventCollector();
            source.start(collector);
            Thread.sleep(200);

            // Each connection makes 4 events; a 4 KiB ring holds at most 4096 / (8 + 128) records.
            long held = ringBytes / (8 + KernelRecordDecoder.RECORD_BYTES);
            assertThat(source.counters().ringBufferDrops()).isGreaterThanOrEqualTo(4L * connections - held);
        }
    }

    @Test
    void tracepointAcceptHookReportsTheAcceptWhereTracefsIsMountedAndFailsClearlyWhereNot() throws Exception {
        List<AcceptHook> only = List.of(AcceptHook.TRACEPOINT);
        if (!tracefsMounted()) {
            assertThatThrownBy(() -> BpfEventSource.open(Options.defaults(), only)).isInstanceOf(BpfException.class)
                    .hasMessageStartingWith("bpf_object__load(..) failed with error(")
                    .hasMessageContaining("no accept hook of object [tcpwatch.bpf.o] loads here: "
                            + "tracepoint/syscalls/sys_exit_accept{,4}: bpf_program__attach(..) failed with error(");
            return;
        }
        try (BpfEventSource source = BpfEventSource.open(Options.defaults(), only)) {
            EventCollector collector = new EventCollector();
            source.start(collector);

            LoopbackExchange exchange = LoopbackExchange.run("127.0.0.1");
            List<KernelEvent> events = collector.await(EventCollector.port(exchange.serverPort()), 4, WAIT);

            assertServerSide(only(events, Kind.ACCEPT, Direction.INBOUND), exchange, 4);
            assertThat(source.describeHooks()).isEqualTo("tp_btf/inet_sock_set_state (connect, close), "
                    + "tracepoint/syscalls/sys_exit_accept{,4} (accept)");
        }
    }

    @Test
    void syscallExitAcceptHookReportsTheAcceptWithoutTracefs() throws Exception {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults(), List.of(AcceptHook.TP_BTF_SYS_EXIT))) {
            EventCollector collector = new EventCollector();
            source.start(collector);

            LoopbackExchange exchange = LoopbackExchange.run("127.0.0.1");
            List<KernelEvent> events = collector.await(EventCollector.port(exchange.serverPort()), 4, WAIT);

            assertServerSide(only(events, Kind.ACCEPT, Direction.INBOUND), exchange, 4);
            assertServerSide(only(events, Kind.CLOSE, Direction.INBOUND), exchange, 4);
            assertThat(source.describeHooks())
                    .isEqualTo("tp_btf/inet_sock_set_state (connect, close), tp_btf/sys_exit (accept)");
        }
    }

    @Test
    void acceptTracepointsAreChosenWhereTracefsIsMountedAndTheSyscallExitWhereNot() {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults(),
                List.of(AcceptHook.TRACEPOINT, AcceptHook.TP_BTF_SYS_EXIT))) {
            if (tracefsMounted()) {
                assertThat(source.describeHooks()).isEqualTo("tp_btf/inet_sock_set_state (connect, close), "
                        + "tracepoint/syscalls/sys_exit_accept{,4} (accept)");
            }
            else {
                assertThat(source.describeHooks()).startsWith("tp_btf/inet_sock_set_state (connect, close), "
                        + "tp_btf/sys_exit (accept); refused first: tracepoint/syscalls/sys_exit_accept{,4}: "
                        + "bpf_program__attach(..) failed with error(");
            }
        }
    }

    private static boolean tracefsMounted() {
        return Files.isDirectory(Path.of("/sys/kernel/tracing/events/syscalls"))
                || Files.isDirectory(Path.of("/sys/kernel/debug/tracing/events/syscalls"));
    }

    @Test
    void hooksNameTheStateTracepointAndOneAcceptHook() {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults())) {
            assertThat(source.describeHooks()).matches("tp_btf/inet_sock_set_state \\(connect, close\\), "
                    + "(fexit/inet_csk_accept|tp_btf/sys_exit|tracepoint/syscalls/sys_exit_accept\\{,4}) \\(accept\\)"
                    + "(; refused first: .*)?");
        }
    }

    @Test
    void hooksInUseAreTheStateTracepointAndTheAcceptHooksChosenAndTheRefusedOnesAreMissing() {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults(),
                List.of(AcceptHook.TRACEPOINT, AcceptHook.TP_BTF_SYS_EXIT))) {
            if (tracefsMounted()) {
                assertThat(source.hooksInUse()).containsExactly("tp_btf/inet_sock_set_state",
                        "tracepoint/syscalls/sys_exit_accept", "tracepoint/syscalls/sys_exit_accept4");
                assertThat(source.hooksMissing()).isEmpty();
            }
            else {
                assertThat(source.hooksInUse()).containsExactly("tp_btf/inet_sock_set_state", "tp_btf/sys_exit");
                assertThat(source.hooksMissing()).containsExactly("tracepoint/syscalls/sys_exit_accept",
                        "tracepoint/syscalls/sys_exit_accept4");
            }
        }
    }

    @Test
    void recursionMissesAreReadFromTheKernelForEveryAttachedProgram() throws Exception {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults());
                BpfRunTimeStats on = Libbpf.enableRunTimeStats()) {
            EventCollector collector = new EventCollector();
            source.start(collector);

            LoopbackExchange exchange = LoopbackExchange.run("127.0.0.1");
            collector.await(EventCollector.port(exchange.serverPort()), 4, WAIT);
            Map<String, BpfProgramStats> stats = source.programStats();
            long misses = source.recursionMisses();

            List<String> expected = new ArrayList<>(List.of(BpfEventSource.STATE_PROGRAM));
            expected.addAll(source.acceptHook().programs);
            assertThat(stats.keySet()).containsExactlyElementsOf(expected);
            assertThat(stats.values()).allSatisfy(program -> assertThat(program.recursionMissesReported()).isTrue());
            // Counted only while run-time statistics are on: proof that each value comes from the kernel.
            assertThat(stats.get(BpfEventSource.STATE_PROGRAM).runCount()).isPositive();
            // Other tasks' connections run the programs too, so the sum can only have grown since.
            assertThat(misses).isGreaterThanOrEqualTo(
                    stats.values().stream().mapToLong(BpfProgramStats::recursionMisses).sum());
        }
    }

    @Test
    void recursionMissesAfterCloseAreTheValueReadAtClose() {
        BpfEventSource source = BpfEventSource.open(Options.defaults());
        long open = source.recursionMisses();

        source.close();

        assertThat(source.recursionMisses()).isGreaterThanOrEqualTo(open);
        assertThat(source.recursionMisses()).isEqualTo(source.recursionMisses());
    }

    @Test
    void secondStartIsRefusedAndCloseIsIdempotent() {
        BpfEventSource source = BpfEventSource.open(Options.defaults());
        boolean pollingBeforeStart = source.isPolling();
        source.start(event -> { });

        assertThatIllegalStateException().isThrownBy(() -> source.start(event -> { }))
                .withMessage("start(..) called twice on the BPF event source");
        assertThat(pollingBeforeStart).isFalse();
        assertThat(source.isPolling()).isTrue();
        source.close();
        source.close();
        assertThat(source.isPolling()).isFalse();
        assertThat(source.counters().decodeErrors()).isZero();
    }

    @Test
    void consumerExceptionsAreCountedAndDeliveryContinues() throws Exception {
        try (BpfEventSource source = BpfEventSource.open(Options.defaults())) {
            EventCollector collector = new EventCollector();
            java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
            source.start(event -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("consumer failure for the test");
                }
                collector.accept(event);
            });

            LoopbackExchange first = LoopbackExchange.run("127.0.0.1");
            LoopbackExchange second = LoopbackExchange.run("127.0.0.1");
            List<KernelEvent> events = collector.await(EventCollector.port(second.serverPort()), 4, WAIT);

            assertThat(first.serverPort()).isPositive();
            assertThat(events).hasSize(4);
            assertThat(source.consumerErrors()).isEqualTo(1);
            assertThat(source.isPolling()).isTrue();
        }
    }

    @Test
    void unavailabilityCauseIsEmptyWhereTheSourceOpens() {
        assertThat(BpfEventSource.unavailabilityCause()).isEmpty();
    }

    private void assertChildSide(KernelEvent event, LoopbackExchange exchange, int family) throws IOException {
        assertThat(event.pid()).isEqualTo((int) exchange.childPid());
        assertThat(event.tid()).isEqualTo((int) exchange.childPid());
        assertThat(event.ppid()).isEqualTo((int) this.jvmPid);
        assertThat(event.comm()).isEqualTo("bash");
        assertEndpoints(event, exchange, family, exchange.clientPort(), exchange.serverPort());
    }

    private void assertServerSide(KernelEvent event, LoopbackExchange exchange, int family) throws IOException {
        assertThat(event.pid()).isEqualTo((int) this.jvmPid);
        assertThat(event.tid()).isEqualTo(exchange.acceptTid());
        assertThat(event.ppid()).isEqualTo((int) ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(event.comm()).isEqualTo(exchange.acceptComm());
        assertEndpoints(event, exchange, family, exchange.serverPort(), exchange.clientPort());
    }

    private static void assertEndpoints(KernelEvent event, LoopbackExchange exchange, int family, int localPort,
            int remotePort) throws IOException {
        assertThat(event.family()).isEqualTo(family);
        assertThat(event.localAddress()).isEqualTo(exchange.address());
        assertThat(event.localPort()).isEqualTo(localPort);
        assertThat(event.remoteAddress()).isEqualTo(exchange.address());
        assertThat(event.remotePort()).isEqualTo(remotePort);
        assertThat(event.uid()).isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        assertThat(event.gid()).isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:gid"));
        assertThat(event.netnsInode()).isEqualTo(ThisProcess.netnsInode());
        assertThat(event.cgroupId()).isEqualTo(ThisProcess.cgroupId());
        assertThat(event.time()).isBetween(exchange.started(), exchange.finished());
    }

    private static void assertBytes(KernelEvent event, long sent, long received) {
        assertThat(event.bytesSent()).as("%s %s bytes sent", event.kind(), event.direction()).isEqualTo(sent);
        assertThat(event.bytesReceived()).as("%s %s bytes received", event.kind(), event.direction())
                .isEqualTo(received);
    }

    private static KernelEvent only(List<KernelEvent> events, Kind kind, Direction direction) {
        List<KernelEvent> matching = events.stream().filter(e -> e.kind() == kind && e.direction() == direction)
                .toList();
        assertThat(matching).as("%s %s events among %s", kind, direction, events).hasSize(1);
        return matching.get(0);
    }

    /** Bash in a loop connects and closes; a thread here accepts and closes each. */
    private static void connectRepeatedly(int connections) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < connections; i++) {
                    try (Socket socket = server.accept()) {
                        socket.getInputStream().read();
                    }
                    catch (IOException ex) {
                        return;
                    }
                }
            });
            acceptor.start();
            Process child = new ProcessBuilder("bash", "-c", "for i in $(seq " + connections + "); do exec 3<>/dev/tcp/"
                    + "127.0.0.1/" + server.getLocalPort() + "; exec 3>&-; done").redirectErrorStream(true).start();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            acceptor.join(30_000);
            assertThat(acceptor.isAlive()).as("acceptor still running").isFalse();
        }
    }
}
