package io.tcpwatch.tracer.agent.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes each event as one line to a stream, normally standard output, for a person watching. The
 * writer thread does the writing, so a slow terminal fills the buffer instead of stalling the source.
 */
public final class ConsoleSink extends QueuedSink {

    /** Lines on a terminal have no protocol limit; this only bounds memory per event. */
    public static final int MAX_LINE_BYTES = 65_536;

    private final OutputStream out;

    private final String name;

    /**
     * @param out where lines go
     * @param name what {@code out} is, for logs ("standard output")
     * @param capacity the most events buffered
     * @param closeTimeout how long closing waits for buffered events to be written
     */
    public ConsoleSink(OutputStream out, String name, int capacity, Duration closeTimeout) {
        super("tcpwatch-console-sink", capacity, Duration.ofSeconds(1), closeTimeout);
        this.out = Objects.requireNonNull(out, "'out' must not be null");
        this.name = Objects.requireNonNull(name, "'name' must not be null");
    }

    @Override
    public String description() {
        return "console (" + this.name + ")";
    }

    @Override
    public int maxPayloadBytes() {
        return MAX_LINE_BYTES;
    }

    @Override
    protected void openDestination() {
        // standard output is always open
    }

    @Override
    protected void writePayload(byte[] payload) throws IOException {
        byte[] line = new byte[payload.length + 1];
        System.arraycopy(payload, 0, line, 0, payload.length);
        line[payload.length] = '\n';
        this.out.write(line);
        this.out.flush();
    }

    @Override
    protected void closeDestination() {
        // standard output belongs to the process, not to the sink
    }
}
