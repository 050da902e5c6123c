package io.tcpwatch.tracer.agent.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each event as one line to a file, for a Wazuh agent {@code <localfile>} with
 * {@code log_format json}. A file moved away or deleted (log rotation) is noticed within a second and
 * a new file is opened at the configured path. Each line is written by one {@code write} call, so a
 * reader never sees half a line from this sink.
 */
public final class JsonFileSink extends QueuedSink {

    /**
     * The longest line the agent's logcollector reads whole ({@code OS_MAXSTR - OS_LOG_HEADER}), less the
     * newline.
     */
    public static final int MAX_LINE_BYTES = 65_280 - 1;

    private static final Logger log = LoggerFactory.getLogger(JsonFileSink.class);

    private final Path file;

    private @Nullable FileChannel channel;

    private @Nullable Object openedFileKey;

    /**
     * @param file the file to append to; its directory is created when missing
     * @param capacity the most events buffered while the file cannot be written
     * @param retryInterval how long to wait between attempts to open the file
     * @param closeTimeout how long closing waits for buffered events to be written
     */
    public JsonFileSink(Path file, int capacity, Duration retryInterval, Duration closeTimeout) {
        super("tcpwatch-file-sink", capacity, retryInterval, closeTimeout);
        this.file = Objects.requireNonNull(file, "'file' must not be null");
    }

    @Override
    public String description() {
        return "JSON file " + this.file;
    }

    @Override
    public int maxPayloadBytes() {
        return MAX_LINE_BYTES;
    }

    @Override
    protected void openDestination() throws IOException {
        Path parent = this.file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel opened = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.channel = opened;
        this.openedFileKey = fileKey();
    }

    @Override
    protected void writePayload(byte[] payload) throws IOException {
        FileChannel open = this.channel;
        if (open == null) {
            throw new IOException("not open");
        }
        ByteBuffer line = ByteBuffer.allocate(payload.length + 1);
        line.put(payload).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            open.write(line);
        }
    }

    @Override
    protected void closeDestination() {
        FileChannel open = this.channel;
        this.channel = null;
        if (open != null) {
            try {
                open.close();
            }
            catch (IOException ex) {
                log.debug("Failed to close {}", this.file, ex);
            }
        }
    }

    @Override
    protected boolean destinationReplaced() {
        Object current = fileKey();
        return current == null || !current.equals(this.openedFileKey);
    }

    private @Nullable Object fileKey() {
        try {
            return Files.readAttributes(this.file, BasicFileAttributes.class).fileKey();
        }
        catch (IOException ex) {
            return null;
        }
    }
}
