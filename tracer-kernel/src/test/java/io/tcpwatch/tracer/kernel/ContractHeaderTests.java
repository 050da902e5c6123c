package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small C program against {@code tcpwatch.h} with gcc and checks that the offsets, size and
 * constants the decoder uses are the header's.
 */
class ContractHeaderTests {

    private static final String PROGRAM = """
            #include <stddef.h>
            #include <stdio.h>
            #include <linux/types.h>
            #include "tcpwatch.h"
            #define FIELD(f) printf(#f " %zu\\n", offsetof(struct tcpwatch_event, f))
            int main(void)
            {
                FIELD(ts_ns); FIELD(conn_id); FIELD(cgroup_id); FIELD(bytes_acked); FIELD(bytes_received);
                FIELD(duration_ns); FIELD(pid); FIELD(tid); FIELD(ppid); FIELD(uid); FIELD(gid);
                FIELD(netns_ino); FIELD(laddr); FIELD(raddr); FIELD(lport); FIELD(rport); FIELD(kind);
                FIELD(direction); FIELD(family); FIELD(layout_version); FIELD(comm);
                printf("sizeof %zu\\n", sizeof(struct tcpwatch_event));
                printf("comm_len %d\\n", TCPWATCH_COMM_LEN);
                printf("layout_version_value %d\\n", TCPWATCH_LAYOUT_VERSION);
                printf("kinds %d %d %d\\n", TCPWATCH_KIND_CONNECT, TCPWATCH_KIND_ACCEPT, TCPWATCH_KIND_CLOSE);
                printf("directions %d %d %d\\n", TCPWATCH_DIRECTION_UNKNOWN, TCPWATCH_DIRECTION_OUTBOUND,
                       TCPWATCH_DIRECTION_INBOUND);
                printf("families %d %d\\n", TCPWATCH_AF_INET, TCPWATCH_AF_INET6);
                printf("counters %d %d\\n", TCPWATCH_COUNTER_RINGBUF_DROPS, TCPWATCH_COUNTER_OWNER_MISSES);
                return 0;
            }
            """;

    private static Map<String, String> header;

    @BeforeAll
    static void compileAndRun(@TempDir Path dir) throws IOException, InterruptedException {
        Path headerFile = Path.of(System.getProperty("tcpwatch.contractHeader", "src/main/bpf/tcpwatch.h"));
        Path source = dir.resolve("layout.c");
        Files.writeString(source, PROGRAM);
        Path binary = dir.resolve("layout");
        run(dir, "gcc", "-Wall", "-Werror", "-I" + headerFile.toAbsolutePath().getParent(), "-o", binary.toString(),
                source.toString());
        header = new LinkedHashMap<>();
        for (String line : run(dir, binary.toString()).split("\n")) {
            int space = line.indexOf(' ');
            header.put(line.substring(0, space), line.substring(space + 1));
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s exit status, output: %s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    @Test
    void decoderOffsetsAreTheHeaderOffsets() {
        assertThat(header).containsEntry("ts_ns", str(KernelRecordDecoder.TS_NS))
                .containsEntry("conn_id", str(KernelRecordDecoder.CONN_ID))
                .containsEntry("cgroup_id", str(KernelRecordDecoder.CGROUP_ID))
                .containsEntry("bytes_acked", str(KernelRecordDecoder.BYTES_ACKED))
                .containsEntry("bytes_received", str(KernelRecordDecoder.BYTES_RECEIVED))
                .containsEntry("duration_ns", str(KernelRecordDecoder.DURATION_NS))
                .containsEntry("pid", str(KernelRecordDecoder.PID))
                .containsEntry("tid", str(KernelRecordDecoder.TID))
                .containsEntry("ppid", str(KernelRecordDecoder.PPID))
                .containsEntry("uid", str(KernelRecordDecoder.UID))
                .containsEntry("gid", str(KernelRecordDecoder.GID))
                .containsEntry("netns_ino", str(KernelRecordDecoder.NETNS_INO))
                .containsEntry("laddr", str(KernelRecordDecoder.LADDR))
                .containsEntry("raddr", str(KernelRecordDecoder.RADDR))
                .containsEntry("lport", str(KernelRecordDecoder.LPORT))
                .containsEntry("rport", str(KernelRecordDecoder.RPORT))
                .containsEntry("kind", str(KernelRecordDecoder.KIND))
                .containsEntry("direction", str(KernelRecordDecoder.DIRECTION))
                .containsEntry("family", str(KernelRecordDecoder.FAMILY))
                .containsEntry("layout_version", str(KernelRecordDecoder.LAYOUT))
                .containsEntry("comm", str(KernelRecordDecoder.COMM));
    }

    @Test
    void recordSizeAndCommLengthAreTheHeaders() {
        assertThat(header).containsEntry("sizeof", str(KernelRecordDecoder.RECORD_BYTES))
                .containsEntry("comm_len", str(KernelRecordDecoder.COMM_BYTES))
                .containsEntry("layout_version_value", str(KernelRecordDecoder.LAYOUT_VERSION));
    }

    @Test
    void enumValuesMatchTheDecodersMapping() {
        assertThat(header).containsEntry("kinds", "1 2 3").containsEntry("directions", "0 1 2")
                .containsEntry("families", KernelRecordDecoder.AF_INET + " " + KernelRecordDecoder.AF_INET6)
                .containsEntry("counters",
                        BpfEventSource.COUNTER_RINGBUF_DROPS + " " + BpfEventSource.COUNTER_OWNER_MISSES);
    }

    private static String str(int value) {
        return Integer.toString(value);
    }
}
