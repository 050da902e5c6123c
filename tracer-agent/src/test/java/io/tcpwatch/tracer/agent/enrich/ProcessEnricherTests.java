package io.tcpwatch.tracer.agent.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.tracer.agent.KernelEvents;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessEnricherTests {

    private static final int OWN_PID = Math.toIntExact(ProcessHandle.current().pid());

    private final AtomicLong clock = new AtomicLong();

    private Process child;

    @TempDir
    Path temp;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (this.child != null) {
            this.child.destroyForcibly();
            this.child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private ProcessEnricher enricher(int size, Duration ttl) throws IOException {
        Path passwd = this.temp.resolve("passwd");
        Files.write(passwd, List.of("root:x:0:0:root:/root:/bin/bash", "alice:x:1000:1000::/home/alice:/bin/sh"));
        return new ProcessEnricher(new ProcReader(Path.of("/proc")), new UserDirectory(passwd), size, ttl,
                this.clock::get);
    }

    private static KernelEvent eventOf(int pid, String comm) {
        return KernelEvents.curlConnect().process(pid, pid, 1, comm).user(1000, 1000).build();
    }

    @Test
    void ownProcessIsEnrichedFromProc() throws IOException {
        ProcessHandle.Info own = ProcessHandle.current().info();

        EnrichedEvent event = enricher(16, Duration.ofMinutes(1)).enrich(eventOf(OWN_PID, "java"));

        assertThat(event.process().exe()).isEqualTo(own.command().orElseThrow());
        assertThat(event.process().cmdline()).endsWith(" " + String.join(" ", own.arguments().orElseThrow()));
        assertThat(event.process().ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(event.process().fromProc()).isTrue();
        assertThat(event.user()).isEqualTo("alice");
    }

    @Test
    void processThatExitedKeepsWhatWasReadWhileItRan() throws Exception {
        ProcessEnricher enricher = enricher(16, Duration.ofMinutes(1));
        this.child = new ProcessBuilder("sleep", "30").start();
        int pid = Math.toIntExact(this.child.pid());
        awaitExec(pid, "sleep");
        enricher.enrich(eventOf(pid, "sleep"));
        this.child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

        EnrichedEvent close = enricher.enrich(eventOf(pid, "sleep"));

        assertThat(Files.exists(Path.of("/proc", Integer.toString(pid)))).isFalse();
        assertThat(close.process().cmdline()).isEqualTo("sleep 30");
        assertThat(close.process().exe()).endsWith("/sleep");
        assertThat(enricher.procReads()).isEqualTo(1);
        assertThat(enricher.procMisses()).isZero();
    }

    @Test
    void processGoneBeforeItsFirstEventKeepsTheKernelsFieldsAndCountsAMiss() throws Exception {
        ProcessEnricher enricher = enricher(16, Duration.ofMinutes(1));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(5, TimeUnit.SECONDS);
        int pid = Math.toIntExact(gone.pid());

        EnrichedEvent event = enricher.enrich(eventOf(pid, "true"));

        assertThat(event.process()).isEqualTo(new ProcessInfo(1, "true", null, null, false));
        assertThat(event.user()).isEqualTo("alice");
        assertThat(enricher.procMisses()).isEqualTo(1);
    }

    @Test
    void secondEventOfAProcessIsServedFromTheCache() throws IOException {
        ProcessEnricher enricher = enricher(16, Duration.ofMinutes(1));

        enricher.enrich(eventOf(OWN_PID, "java"));
        enricher.enrich(eventOf(OWN_PID, "java"));

        assertThat(enricher.lookups()).isEqualTo(2);
        assertThat(enricher.procReads()).isEqualTo(1);
    }

    @Test
    void entryOlderThanTheTtlIsReadAgain() throws IOException {
        ProcessEnricher enricher = enricher(16, Duration.ofSeconds(10));
        enricher.enrich(eventOf(OWN_PID, "java"));
        this.clock.addAndGet(Duration.ofSeconds(10).toNanos() + 1);

        enricher.enrich(eventOf(OWN_PID, "java"));

        assertThat(enricher.procReads()).isEqualTo(2);
    }

    @Test
    void leastRecentlyUsedProcessLeavesAFullCache() throws IOException {
        ProcessEnricher enricher = enricher(1, Duration.ofMinutes(1));
        enricher.enrich(eventOf(OWN_PID, "java"));
        enricher.enrich(eventOf(OWN_PID, "other-thread"));

        enricher.enrich(eventOf(OWN_PID, "java"));

        assertThat(enricher.procReads()).isEqualTo(3);
    }

    private static void awaitExec(int pid, String comm) throws Exception {
        Path commFile = Path.of("/proc", Integer.toString(pid), "comm");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.readString(commFile).strip().equals(comm)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pid " + pid + " did not exec " + comm);
            }
            Thread.sleep(10);
        }
    }
}
