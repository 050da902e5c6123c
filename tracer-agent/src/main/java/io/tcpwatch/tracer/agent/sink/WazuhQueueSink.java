package io.tcpwatch.tracer.agent.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each event to the local Wazuh agent as one AF_UNIX datagram {@code 1:tcpwatch:<payload>} on its
 * queue socket ({@code /var/ossec/queue/sockets/queue}): queue {@code 1} is the agent's generic log
 * queue, {@code tcpwatch} the event's {@code location}. No NUL and no newline is added.
 *
 * <p>When the agent restarts it binds a new socket file: a failed send, or a socket file that is no longer
 * the one connected to, makes the sink connect again. The socket is {@code root:wazuh 0660}; a permission
 * error is logged once at ERROR, with what to do, and the sink keeps retrying.
 */
public final class WazuhQueueSink extends QueuedSink {

    /** The agent's queue socket on a standard installation. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/ossec/queue/sockets/queue");

    /** What precedes each payload: the queue id and the location. */
    public static final String PREFIX = "1:tcpwatch:";

    /** The largest datagram the agent reads whole ({@code OS_MAXSTR}); longer ones are cut by the agent. */
    public static final int MAX_DATAGRAM_BYTES = 65_536;

    private static final Logger log = LoggerFactory.getLogger(WazuhQueueSink.class);

    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

    private final Path socket;

    private volatile @Nullable AFUNIXDatagramChannel channel;

    private @Nullable Object connectedFileKey;

    /**
     * @param socket the agent's queue socket
     * @param capacity the most events buffered while the agent is away
     * @param retryInterval how long to wait between connection attempts
     * @param closeTimeout how long closing waits for buffered events to be sent
     */
    public WazuhQueueSink(Path socket, int capacity, Duration retryInterval, Duration closeTimeout) {
        super("tcpwatch-wazuh-sink", capacity, retryInterval, closeTimeout);
        this.socket = Objects.requireNonNull(socket, "'socket' must not be null");
    }

    @Override
    public String description() {
        return "Wazuh agent socket " + this.socket;
    }

    @Override
    public int maxPayloadBytes() {
        return MAX_DATAGRAM_BYTES - PREFIX_BYTES.length;
    }

    @Override
    protected void openDestination() throws IOException {
        AFUNIXDatagramChannel opened = AFUNIXDatagramChannel.open();
        try {
            opened.connect(AFUNIXSocketAddress.of(this.socket));
        }
        catch (IOException ex) {
            opened.close();
            throw ex;
        }
        this.channel = opened;
        this.connectedFileKey = fileKey();
    }

    @Override
    protected void writePayload(byte[] payload) throws IOException {
        AFUNIXDatagramChannel open = this.channel;
        if (open == null) {
            throw new IOException("not connected");
        }
        ByteBuffer datagram = ByteBuffer.allocate(PREFIX_BYTES.length + payload.length);
        datagram.put(PREFIX_BYTES).put(payload).flip();
        open.write(datagram);
    }

    @Override
    protected void closeDestination() {
        AFUNIXDatagramChannel open = this.channel;
        this.channel = null;
        if (open != null) {
            try {
                open.close();
            }
            catch (IOException ex) {
                log.debug("Failed to close the channel to {}", this.socket, ex);
            }
        }
    }

    @Override
    protected boolean destinationReplaced() {
        Object current = fileKey();
        return current == null || !current.equals(this.connectedFileKey);
    }

    @Override
    protected void reportUnreachable(IOException failure, int capacity, long retryMillis) {
        if (isPermissionDenied(failure)) {
            log.error("Permission denied on {}: the socket is root:wazuh 0660, so run the tracer as root or in"
                    + " group wazuh; holding up to {} events and retrying every {} ms", this.socket, capacity,
                    retryMillis);
            return;
        }
        super.reportUnreachable(failure, capacity, retryMillis);
    }

    static boolean isPermissionDenied(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return true;
        }
        String message = failure.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("permission denied");
    }

    private @Nullable Object fileKey() {
        try {
            return Files.readAttributes(this.socket, BasicFileAttributes.class).fileKey();
        }
        catch (IOException ex) {
            return null;
        }
    }
}
