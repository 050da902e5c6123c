package io.tcpwatch.tracer.agent.sink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child process without the right to open the test's socket: sends events through a
 * {@link WazuhQueueSink} for a while, then prints its counters.
 */
public final class PermissionProbe {

    private PermissionProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        WazuhQueueSink sink = new WazuhQueueSink(Path.of(args[0]), 3, Duration.ofMillis(20), Duration.ZERO);
        sink.start();
        for (int i = 0; i < 10; i++) {
            sink.submit(("event-" + i).getBytes(StandardCharsets.UTF_8));
            Thread.sleep(30);
        }
        sink.close();
        System.out.println("probe sent=" + sink.sent() + " dropped=" + sink.dropped());
    }
}
