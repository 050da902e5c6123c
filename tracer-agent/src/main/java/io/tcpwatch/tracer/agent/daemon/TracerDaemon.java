package io.tcpwatch.tracer.agent.daemon;

import io.tcpwatch.tracer.agent.sink.EventSink;
import io.tcpwatch.tracer.kernel.EventSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the tracer: starts the sink, sends the first health event, starts the event source into the
 * pipeline, and sends a health event every interval. On stop it closes the source, lets the sink
 * deliver what it holds, and logs one summary line of what was sent and lost.
 */
public final class TracerDaemon implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TracerDaemon.class);

    private final EventSource source;

    private final EventPipeline pipeline;

    private final EventSink sink;

    private final HealthReporter health;

    private final Duration healthInterval;

    private @Nullable ScheduledExecutorService scheduler;

    private volatile boolean running;

    public TracerDaemon(EventSource source, EventPipeline pipeline, EventSink sink, HealthReporter health,
            Duration healthInterval) {
        this.source = Objects.requireNonNull(source, "'source' must not be null");
        this.pipeline = Objects.requireNonNull(pipeline, "'pipeline' must not be null");
        this.sink = Objects.requireNonNull(sink, "'sink' must not be null");
        this.health = Objects.requireNonNull(health, "'health' must not be null");
        this.healthInterval = Objects.requireNonNull(healthInterval, "'healthInterval' must not be null");
    }

    @Override
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.sink.start();
        log.info("Tracing TCP connections with {}; sending to {}", this.source.describeHooks(),
                this.sink.description());
        this.health.send();
        this.source.start(this.pipeline);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tcpwatch-health");
            thread.setDaemon(true);
            return thread;
        });
        long millis = this.healthInterval.toMillis();
        executor.scheduleAtFixedRate(this::sendHealth, millis, millis, TimeUnit.MILLISECONDS);
        this.scheduler = executor;
        this.running = true;
    }

    private void sendHealth() {
        try {
            this.health.send();
        }
        catch (RuntimeException ex) {
            log.warn("Failed to send a health event", ex);
        }
    }

    @Override
    public synchronized void stop() {
        if (!this.running) {
            return;
        }
        this.running = false;
        ScheduledExecutorService executor = this.scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
        this.source.close();
        this.sink.close();
        Losses losses = this.health.losses();
        log.info("Tracer stopped: {} events sent, {}, {} filtered, {} close events without owner", this.sink.sent(),
                losses.describe(), this.pipeline.filter().filteredTotal(), losses.ownerMisses());
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }
}
