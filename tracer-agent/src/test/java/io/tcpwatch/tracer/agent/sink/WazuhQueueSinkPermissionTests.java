package io.tcpwatch.tracer.agent.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The sink in a child process that may not open the socket (mode 000; as root, the child loses
 * CAP_DAC_OVERRIDE through {@code setpriv}), so the permission error is the kernel's own.
 */
class WazuhQueueSinkPermissionTests {

    @TempDir
    Path temp;

    private AFUNIXDatagramChannel agent;

    @AfterEach
    void closeAgent() throws IOException {
        if (this.agent != null) {
            this.agent.close();
        }
    }

    @Test
    void permissionErrorIsLoggedOnceAndEveryEventIsCountedAsDropped() throws Exception {
        Path socket = this.temp.resolve("queue");
        this.agent = AFUNIXDatagramChannel.open();
        this.agent.bind(AFUNIXSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("---------"));

        List<String> output = runProbe(socket);

        assertThat(output).filteredOn(line -> line.contains("Permission denied on " + socket)).hasSize(1);
        assertThat(output).filteredOn(line -> line.contains("is unreachable")).isEmpty();
        assertThat(output).contains("probe sent=0 dropped=10");
    }

    private static List<String> runProbe(Path socket) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), PermissionProbe.class.getName(), socket.toString()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = probe.getInputStream().readAllBytes();
            assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        }
        finally {
            probe.destroyForcibly();
        }
    }
}
