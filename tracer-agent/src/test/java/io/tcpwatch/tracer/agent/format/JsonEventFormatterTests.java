package io.tcpwatch.tracer.agent.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tcpwatch.tracer.agent.KernelEvents;
import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class JsonEventFormatterTests {

    private static final int LIMIT = 65_536 - "1:tcpwatch:".length();

    /** The connect example of docs/event-schema.md. */
    private static final String CONNECT_EXAMPLE = "{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"connect\","
            + "\"direction\":\"outbound\",\"timestamp\":\"2026-12-04T15:30:00.123456Z\",\"srcip\":\"10.0.0.5\","
            + "\"srcport\":51234,\"dstip\":\"93.184.216.34\",\"dstport\":443,\"protocol\":\"tcp\","
            + "\"family\":\"ipv4\",\"connection\":{\"id\":\"18446744072639\"},\"process\":{\"pid\":4242,"
            + "\"tid\":4242,\"ppid\":4100,\"name\":\"curl\",\"comm\":\"curl\",\"exe\":\"/usr/bin/curl\","
            + "\"cmdline\":\"curl https://example.org/\",\"uid\":1000,\"gid\":1000,\"user\":\"alice\","
            + "\"cgroup_id\":\"8123\",\"netns\":\"4026531840\"}}";

    private static final String EXAMPLE_CMDLINE = "curl https://example.org/";

    private final JsonEventFormatter formatter = new JsonEventFormatter();

    @Test
    void connectIsTheSchemaExample() {
        EnrichedEvent event = KernelEvents.curlConnect().enrichedAsCurl();

        String json = format(event);

        assertThat(json).isEqualTo(CONNECT_EXAMPLE);
    }

    @Test
    void acceptPutsThePeerInSrcip() {
        EnrichedEvent event = KernelEvents.schemaAccept();

        String json = format(event);

        assertThat(json).isEqualTo("{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"accept\","
                + "\"direction\":\"inbound\",\"timestamp\":\"2026-12-04T15:31:10.000001Z\",\"srcip\":\"81.2.69.142\","
                + "\"srcport\":40022,\"dstip\":\"10.0.0.5\",\"dstport\":22,\"protocol\":\"tcp\",\"family\":\"ipv4\","
                + "\"connection\":{\"id\":\"18446744072700\"},\"process\":{\"pid\":812,\"tid\":812,\"ppid\":1,"
                + "\"name\":\"sshd\",\"comm\":\"sshd\",\"exe\":\"/usr/sbin/sshd\","
                + "\"cmdline\":\"sshd: /usr/sbin/sshd -D\",\"uid\":0,\"gid\":0,\"user\":\"root\","
                + "\"cgroup_id\":\"4312\",\"netns\":\"4026531840\"}}");
    }

    @Test
    void closeCarriesDurationAndByteCounts() {
        EnrichedEvent event = KernelEvents.schemaClose();

        String json = format(event);

        assertThat(json).isEqualTo("{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"close\","
                + "\"direction\":\"outbound\",\"timestamp\":\"2026-12-04T15:30:00.456789Z\",\"srcip\":\"10.0.0.5\","
                + "\"srcport\":51234,\"dstip\":\"93.184.216.34\",\"dstport\":443,\"protocol\":\"tcp\","
                + "\"family\":\"ipv4\",\"connection\":{\"id\":\"18446744072639\",\"duration_ms\":\"333.333\","
                + "\"bytes_sent\":\"517\",\"bytes_received\":\"4096\"},\"process\":{\"pid\":4242,\"tid\":4242,"
                + "\"ppid\":4100,\"name\":\"curl\",\"comm\":\"curl\",\"exe\":\"/usr/bin/curl\","
                + "\"cmdline\":\"curl https://example.org/\",\"uid\":1000,\"gid\":1000,\"user\":\"alice\","
                + "\"cgroup_id\":\"8123\",\"netns\":\"4026531840\"}}");
    }

    @Test
    void ipv6ConnectIsCompressedAndLeavesOutTheMissingCmdline() {
        EnrichedEvent event = KernelEvents.schemaIpv6Connect();

        String json = format(event);

        assertThat(json).isEqualTo("{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"connect\","
                + "\"direction\":\"outbound\",\"timestamp\":\"2026-12-04T15:32:00.000100Z\",\"srcip\":\"2001:db8::5\","
                + "\"srcport\":40100,\"dstip\":\"2001:4860:4860::8888\",\"dstport\":53,\"protocol\":\"tcp\","
                + "\"family\":\"ipv6\",\"connection\":{\"id\":\"18446744072800\"},\"process\":{\"pid\":977,"
                + "\"tid\":977,\"ppid\":1,\"name\":\"systemd-resolved\",\"comm\":\"systemd-resolve\","
                + "\"exe\":\"/usr/lib/systemd/systemd-resolved\",\"uid\":991,\"gid\":991,"
                + "\"user\":\"systemd-resolve\",\"cgroup_id\":\"3100\",\"netns\":\"4026531840\"}}");
    }

    @Test
    void healthCarriesEveryCounter() {
        HealthReport report = new HealthReport(Instant.parse("2026-12-04T15:33:00Z"),
                "tp_btf/inet_sock_set_state,tp_btf/sys_exit", "", 0, 0, 0, 0, 0, 1520, 0, 0, "0.1.0");

        String json = new String(this.formatter.format(report, LIMIT), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"integration\":\"tcpwatch\",\"schema\":1,\"event\":\"health\","
                + "\"timestamp\":\"2026-12-04T15:33:00.000000Z\",\"tracer\":{\"hooks\":"
                + "\"tp_btf/inet_sock_set_state,tp_btf/sys_exit\",\"hooks_missing\":\"\",\"events_lost\":\"0\","
                + "\"ring_buffer_drops\":\"0\",\"owner_misses\":\"0\",\"decode_errors\":\"0\",\"sink_drops\":\"0\","
                + "\"events_sent\":\"1520\",\"events_filtered\":\"0\",\"proc_misses\":\"0\",\"version\":\"0.1.0\"}}");
    }

    @Test
    void processNameImitatingAFieldStaysOneString() {
        KernelEvent kernel = KernelEvents.curlConnect().process(4242, 4242, 4100, "x\",\"srcip\":\"6.6.6.6").build();
        EnrichedEvent event = new EnrichedEvent(kernel,
                new ProcessInfo(4100, "x\",\"srcip\":\"6.6.6.6", null, null, false), null);

        String json = format(event);

        assertThat(json).contains("\"name\":\"x\\\",\\\"srcip\\\":\\\"6.6.6.6\",")
                .contains("\"comm\":\"x\\\",\\\"srcip\\\":\\\"6.6.6.6\",")
                .contains("\"srcip\":\"10.0.0.5\"")
                .doesNotContain("\"srcip\":\"6.6.6.6\"");
    }

    @Test
    void newlineAndNulInACommandLineAreEscaped() {
        EnrichedEvent base = KernelEvents.curlConnect().enrichedAsCurl();
        EnrichedEvent event = new EnrichedEvent(base.kernel(),
                new ProcessInfo(4100, "curl", "/usr/bin/curl", "a\nb\u0000c", true), "alice");

        String json = format(event);

        assertThat(json).contains("\"cmdline\":\"a\\nb\\u0000c\"").doesNotContain("\n");
    }

    @Test
    void durationIsCutToTheMicrosecond() {
        assertThat(JsonEventFormatter.durationMillis(1_999_999L)).hasToString("1.999");
    }

    @Test
    void onlyValuesWazuhCanHoldInAnIntAreJsonNumbers() {
        EnrichedEvent event = KernelEvents.schemaClose();

        List<String> numbers = numberPointers(format(event));

        assertThat(numbers).containsExactly("/schema", "/srcport", "/dstport", "/process/pid", "/process/tid",
                "/process/ppid", "/process/uid", "/process/gid");
    }

    @Test
    void healthCountersAreStringsNotNumbers() {
        HealthReport report = new HealthReport(Instant.parse("2026-12-04T15:33:00Z"), "tp_btf/inet_sock_set_state",
                "", 1, 2, 3, 4, 5, 6, 7, 8, "0.1.0");

        List<String> numbers = numberPointers(new String(this.formatter.format(report, LIMIT),
                StandardCharsets.UTF_8));

        assertThat(numbers).containsExactly("/schema");
    }

    @Test
    void sixtyFourBitValuesAreWrittenAsTheirUnsignedDigits() {
        EnrichedEvent event = KernelEvents.curlConnect().cgroup(-1L)
                .closed(3_000_000_000L, Long.MIN_VALUE, 86_400_000_000_123_456L).enrichedAsCurl();

        String json = format(event);

        assertThat(json).contains("\"connection\":{\"id\":\"18446744072639\",\"duration_ms\":\"86400000000.123\","
                + "\"bytes_sent\":\"3000000000\",\"bytes_received\":\"9223372036854775808\"}")
                .contains("\"cgroup_id\":\"18446744073709551615\",\"netns\":\"4026531840\"}");
    }

    @Test
    void durationAboveTheSignedRangeIsReadAsUnsigned() {
        assertThat(JsonEventFormatter.durationMillis(-1L).toPlainString()).isEqualTo("18446744073709.551");
    }

    @Test
    void zeroAndWholeDurationsKeepThreeDecimals() {
        String zero = format(KernelEvents.curlConnect().closed(0, 0, 0).enrichedAsCurl());
        String second = format(KernelEvents.curlConnect().closed(0, 0, 1_000_000_000L).enrichedAsCurl());

        assertThat(zero).contains("\"duration_ms\":\"0.000\",\"bytes_sent\":\"0\",\"bytes_received\":\"0\"");
        assertThat(second).contains("\"duration_ms\":\"1000.000\"");
    }

    @Test
    void healthCountersAboveTheIntRangeKeepEveryDigit() {
        HealthReport report = new HealthReport(Instant.parse("2026-12-04T15:33:00Z"), "tp_btf/inet_sock_set_state",
                "", 5_000_000_000L, 2_147_483_648L, 0, 0, 0, Long.MAX_VALUE, 0, 0, "0.1.0");

        String json = new String(this.formatter.format(report, LIMIT), StandardCharsets.UTF_8);

        assertThat(json).contains("\"events_lost\":\"5000000000\",\"ring_buffer_drops\":\"2147483648\",")
                .contains("\"events_sent\":\"9223372036854775807\",");
    }

    @Test
    void userAndGroupIdsStayUnsignedNumbers() {
        EnrichedEvent event = KernelEvents.curlConnect().user(-1, -2).enrichedAsCurl();

        String json = format(event);

        assertThat(json).contains("\"uid\":4294967295,\"gid\":4294967294,");
    }

    @Test
    void eventOfExactlyTheLimitIsNotCut() {
        EnrichedEvent event = withCmdline(cmdlineFilling(LIMIT));

        byte[] json = this.formatter.format(event, LIMIT);

        assertThat(json).hasSize(LIMIT);
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("truncated").doesNotContain("...");
    }

    @Test
    void eventOneByteOverTheLimitIsCutToExactlyTheLimit() {
        EnrichedEvent event = withCmdline(cmdlineFilling(LIMIT + 1));

        byte[] json = this.formatter.format(event, LIMIT);

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(json).hasSize(LIMIT);
        assertThat(text).endsWith("...\",\"uid\":1000,\"gid\":1000,\"user\":\"alice\",\"cgroup_id\":\"8123\","
                + "\"netns\":\"4026531840\"},\"truncated\":\"process.cmdline\"}");
    }

    @Test
    void executablePathIsCutWhenCuttingTheCommandLineIsNotEnough() {
        EnrichedEvent base = KernelEvents.curlConnect().enrichedAsCurl();
        EnrichedEvent event = new EnrichedEvent(base.kernel(),
                new ProcessInfo(4100, "curl", "/" + "e".repeat(70_000), "c".repeat(70_000), true), "alice");

        byte[] json = this.formatter.format(event, LIMIT);

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(json).hasSize(LIMIT);
        assertThat(text).contains("\"cmdline\":\"...\"")
                .endsWith("\"truncated\":\"process.exe,process.cmdline\"}");
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        EnrichedEvent event = withCmdline(emoji.repeat(20_000));

        byte[] json = this.formatter.format(event, LIMIT);

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(json.length).isLessThanOrEqualTo(LIMIT);
        assertThat(text).contains(emoji + "...\"").doesNotContain("\uFFFD");
    }

    @Test
    void healthThatDoesNotFitIsRefused() {
        HealthReport report = new HealthReport(Instant.parse("2026-12-04T15:33:00Z"), "h".repeat(200), "", 0, 0,
                0, 0, 0, 0, 0, 0, "0.1.0");

        assertThatExceptionOfType(EventTooLargeException.class).isThrownBy(() -> this.formatter.format(report, 100))
                .withMessageStartingWith("health event needs ").withMessageEndingWith(" bytes after cutting its long"
                        + " values; the limit is 100");
    }

    /** The JSON pointers of the values that are JSON numbers, in document order. */
    private static List<String> numberPointers(String json) {
        List<String> pointers = new ArrayList<>();
        try (JsonParser parser = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric()) {
                    pointers.add(parser.streamReadContext().pathAsPointer().toString());
                }
            }
        }
        return pointers;
    }

    private String format(EnrichedEvent event) {
        return new String(this.formatter.format(event, LIMIT), StandardCharsets.UTF_8);
    }

    private static EnrichedEvent withCmdline(String cmdline) {
        EnrichedEvent base = KernelEvents.curlConnect().enrichedAsCurl();
        return new EnrichedEvent(base.kernel(), new ProcessInfo(4100, "curl", "/usr/bin/curl", cmdline, true),
                "alice");
    }

    /** A command line of ASCII letters that makes the curl connect event exactly {@code size} bytes long. */
    private static String cmdlineFilling(int size) {
        int withoutCmdline = CONNECT_EXAMPLE.length() - EXAMPLE_CMDLINE.length();
        return "a".repeat(size - withoutCmdline);
    }
}
