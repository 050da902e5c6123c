package io.tcpwatch.tracer.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.tracer.agent.KernelEvents;
import io.tcpwatch.tracer.agent.QuietEventSource;
import io.tcpwatch.tracer.agent.enrich.ProcReader;
import io.tcpwatch.tracer.agent.enrich.ProcessEnricher;
import io.tcpwatch.tracer.agent.enrich.UserDirectory;
import io.tcpwatch.tracer.agent.filter.EventFilter;
import io.tcpwatch.tracer.agent.filter.FilterRules;
import io.tcpwatch.tracer.agent.format.HealthReport;
import io.tcpwatch.tracer.agent.format.JsonEventFormatter;
import io.tcpwatch.tracer.agent.sink.ConsoleSink;
import io.tcpwatch.tracer.kernel.EventSource;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class EventPipelineTests {

    private static final int GONE_PID = 4_000_000;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ConsoleSink sink = new ConsoleSink(this.out, "test", 64, Duration.ofSeconds(1));

    private EventPipeline pipeline() throws Exception {
        Path passwd = this.temp.resolve("passwd");
        Files.write(passwd, List.of("alice:x:1000:1000::/home/alice:/bin/sh"));
        Path emptyProc = Files.createDirectory(this.temp.resolve("proc"));
        FilterRules rules = new FilterRules(Set.of(), Set.of(), List.of(), List.of(), Set.of(), Set.of(), Set.of(7),
                Set.of("wazuh-agentd"), Set.of(1514, 1515));
        ProcessEnricher enricher = new ProcessEnricher(new ProcReader(emptyProc), new UserDirectory(passwd), 16,
                Duration.ofMinutes(1), System::nanoTime);
        return new EventPipeline(new EventFilter(rules), enricher, new JsonEventFormatter(), this.sink);
    }

    @Test
    void keptEventReachesTheSinkAndFilteredOnesAreCounted() throws Exception {
        EventPipeline pipeline = pipeline();
        this.sink.start();

        pipeline.accept(KernelEvents.curlConnect().process(GONE_PID, GONE_PID, 1, "curl").build());
        pipeline.accept(KernelEvents.curlConnect().process(7, 7, 1, "java").build());
        this.sink.close();

        assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"integration\":\"tcpwatch\",\"schema\":1,"
                + "\"event\":\"connect\",\"direction\":\"outbound\",\"timestamp\":\"2026-12-04T15:30:00.123456Z\","
                + "\"srcip\":\"10.0.0.5\",\"srcport\":51234,\"dstip\":\"93.184.216.34\",\"dstport\":443,"
                + "\"protocol\":\"tcp\",\"family\":\"ipv4\",\"connection\":{\"id\":\"18446744072639\"},"
                + "\"process\":{\"pid\":4000000,\"tid\":4000000,\"ppid\":1,\"name\":\"curl\",\"comm\":\"curl\","
                + "\"uid\":1000,\"gid\":1000,\"user\":\"alice\",\"cgroup_id\":\"8123\",\"netns\":\"4026531840\"}}\n");
        assertThat(pipeline.received()).isEqualTo(2);
        assertThat(pipeline.filter().filteredTotal()).isEqualTo(1);
        assertThat(pipeline.enricher().procMisses()).isEqualTo(1);
    }

    @Test
    void healthReportAddsUpEveryLoss() throws Exception {
        EventPipeline pipeline = pipeline();
        QuietEventSource source = new QuietEventSource(List.of(), new EventSource.SourceCounters(3, 2, 1));
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T15:33:00Z"), ZoneOffset.UTC);
        HealthReporter health = new HealthReporter(source, HookSet.fromDescription(source.describeHooks()),
                () -> 4, pipeline, new JsonEventFormatter(), this.sink, "0.1.0", clock);
        this.sink.close();
        this.sink.submit(new byte[] {'x'});
        pipeline.accept(KernelEvents.curlConnect().process(7, 7, 1, "java").build());

        String json = new String(new JsonEventFormatter().format(health.report(), 65_525), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"health\","
                + "\"timestamp\":\"2026-12-04T15:33:00.000000Z\",\"tracer\":{\"hooks\":"
                + "\"tp_btf/inet_sock_set_state,tp_btf/sys_exit\",\"hooks_missing\":\"fexit/inet_csk_accept\","
                + "\"events_lost\":\"9\",\"ring_buffer_drops\":\"3\",\"owner_misses\":\"2\",\"decode_errors\":\"1\","
                + "\"sink_drops\":\"1\",\"events_sent\":\"0\",\"events_filtered\":\"1\",\"proc_misses\":\"0\","
                + "\"version\":\"0.1.0\"}}");
    }

    @Test
    void eventsLostIncludesTheRecursionMissesOfTheBpfProgramsExactly() throws Exception {
        EventPipeline pipeline = pipeline();
        QuietEventSource source = new QuietEventSource(List.of(), new EventSource.SourceCounters(0, 6, 0));
        HealthReporter health = new HealthReporter(source, new HookSet("tp_btf/inet_sock_set_state", ""), () -> 7,
                pipeline, new JsonEventFormatter(), this.sink, "0.1.0", Clock.systemUTC());

        HealthReport report = health.report();

        assertThat(report.eventsLost()).isEqualTo(7);
        assertThat(report.ownerMisses()).isEqualTo(6);
        assertThat(health.losses()).isEqualTo(new Losses(0, 7, 0, 0, 6));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void shutdownSummaryCountsTheRecursionMissesAmongTheLostEvents(CapturedOutput output) throws Exception {
        EventPipeline pipeline = pipeline();
        KernelEvent event = KernelEvents.curlConnect().process(GONE_PID, GONE_PID, 1, "curl").build();
        QuietEventSource source = new QuietEventSource(List.of(event), new EventSource.SourceCounters(3, 2, 1));
        HealthReporter health = new HealthReporter(source, new HookSet("tp_btf/inet_sock_set_state", ""), () -> 4,
                pipeline, new JsonEventFormatter(), this.sink, "0.1.0", Clock.systemUTC());
        TracerDaemon daemon = new TracerDaemon(source, pipeline, this.sink, health, Duration.ofMinutes(1));

        daemon.start();
        daemon.stop();

        assertThat(output.getOut()).contains("Tracer stopped: 2 events sent, 8 lost (ring buffer 3, recursion misses "
                + "4, decode errors 1, sink 0), 0 filtered, 2 close events without owner");
    }

    @Test
    void daemonStopsTheSourceAndTheSink() throws Exception {
        EventPipeline pipeline = pipeline();
        KernelEvent event = KernelEvents.curlConnect().process(GONE_PID, GONE_PID, 1, "curl").build();
        QuietEventSource source = new QuietEventSource(List.of(event), new EventSource.SourceCounters(0, 0, 0));
        HealthReporter health = new HealthReporter(source, new HookSet("tp_btf/inet_sock_set_state", ""), () -> 0,
                pipeline, new JsonEventFormatter(), this.sink, "0.1.0", Clock.systemUTC());
        TracerDaemon daemon = new TracerDaemon(source, pipeline, this.sink, health, Duration.ofMinutes(1));

        daemon.start();
        daemon.stop();

        assertThat(source.isClosed()).isTrue();
        assertThat(this.sink.sent()).isEqualTo(2);
        assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("{\"integration\":\"tcpwatch\",\"schema\":1,"
                + "\"event\":\"health\",").contains("\n{\"integration\":\"tcpwatch\",\"schema\":1,"
                + "\"event\":\"connect\",");
    }
}
