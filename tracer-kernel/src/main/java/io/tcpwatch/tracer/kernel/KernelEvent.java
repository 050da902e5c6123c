package io.tcpwatch.tracer.kernel;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One TCP connection event as the kernel reported it, decoded from a ring-buffer record and not yet
 * enriched from {@code /proc}.
 *
 * <p>Addresses are given from the traced host's point of view: {@code local*} is this host's end of
 * the connection, {@code remote*} the peer's. IPv4-mapped IPv6 addresses are already written as IPv4.
 *
 * @param kind what happened
 * @param direction who opened the connection; for a close, the direction of the open it belongs to,
 *     or {@link Direction#UNKNOWN} when the open was not seen
 * @param time wall-clock time of the event
 * @param connectionId identifier shared by a connection's connect or accept and its close
 * @param pid process id (thread-group id) of the process behind the event
 * @param tid thread id
 * @param ppid parent's process id as the kernel saw it
 * @param uid real user id
 * @param gid real group id
 * @param comm the kernel's command name, at most 15 characters
 * @param cgroupId id of the process's cgroup (v2)
 * @param netnsInode inode number of the socket's network namespace
 * @param family 4 or 6
 * @param localAddress this host's address
 * @param localPort this host's port
 * @param remoteAddress the peer's address
 * @param remotePort the peer's port
 * @param bytesSent bytes acknowledged by the peer, on close only (0 otherwise)
 * @param bytesReceived bytes received, on close only (0 otherwise)
 * @param durationNanos time from establishment to close, on close only (0 otherwise)
 */
public record KernelEvent(
        Kind kind,
        Direction direction,
        Instant time,
        long connectionId,
        int pid,
        int tid,
        int ppid,
        int uid,
        int gid,
        String comm,
        long cgroupId,
        long netnsInode,
        int family,
        InetAddress localAddress,
        int localPort,
        InetAddress remoteAddress,
        int remotePort,
        long bytesSent,
        long bytesReceived,
        long durationNanos) {

    public KernelEvent {
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(direction, "'direction' must not be null");
        Objects.requireNonNull(time, "'time' must not be null");
        Objects.requireNonNull(comm, "'comm' must not be null");
        Objects.requireNonNull(localAddress, "'localAddress' must not be null");
        Objects.requireNonNull(remoteAddress, "'remoteAddress' must not be null");
    }

    /** What the kernel observed. */
    public enum Kind {
        /** An outbound connection reached ESTABLISHED. */
        CONNECT,
        /** A process accepted an inbound connection. */
        ACCEPT,
        /** A connection that was established went to CLOSE. */
        CLOSE
    }

    /** Which end opened the connection. */
    public enum Direction {
        /** This host connected out. */
        OUTBOUND,
        /** A peer connected in. */
        INBOUND,
        /** The open was not observed (the connection predates the tracer). */
        UNKNOWN
    }
}
