package io.tcpwatch.tracer.agent.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one process's {@code /proc/<pid>} entries: {@code comm}, {@code status} (for the parent's pid),
 * {@code exe} and {@code cmdline}.
 *
 * <p>Does NOT read more than {@link #CMDLINE_READ_LIMIT} bytes of a command line: a longer one could not
 * fit in an event anyway and is cut by the formatter.
 */
public final class ProcReader {

    /** The most bytes read from {@code /proc/<pid>/cmdline}: one more than an event can hold. */
    public static final int CMDLINE_READ_LIMIT = 65_537;

    private static final String PPID_PREFIX = "PPid:";

    private final Path procRoot;

    /**
     * @param procRoot where procfs is mounted, normally {@code /proc}
     */
    public ProcReader(Path procRoot) {
        this.procRoot = Objects.requireNonNull(procRoot, "'procRoot' must not be null");
    }

    /**
     * Reads the process, or returns empty when it is gone (its {@code /proc} directory no longer exists).
     * An entry that is there but not readable (an {@code exe} link of another user's process without
     * CAP_SYS_PTRACE) is left {@code null}.
     *
     * @param pid the process id
     * @param comm the kernel's command name, used when {@code /proc/<pid>/comm} is unreadable
     * @param kernelPpid the parent's pid as the kernel saw it, used when {@code status} has none
     */
    public Optional<ProcessInfo> read(int pid, String comm, int kernelPpid) {
        Path dir = this.procRoot.resolve(Integer.toString(pid));
        String status;
        try {
            status = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        int ppid = parsePpid(status, kernelPpid);
        String processComm = readComm(dir, comm);
        String exe = readExe(dir);
        byte[] rawCmdline = readCmdlineBytes(dir);
        String cmdline = joinArguments(rawCmdline);
        String firstArgument = firstArgument(rawCmdline);
        String name = ProcessNames.fullName(processComm, exe, firstArgument);
        return Optional.of(new ProcessInfo(ppid, name, exe, cmdline, true));
    }

    private static int parsePpid(String status, int fallback) {
        for (String line : status.split("\n")) {
            if (line.startsWith(PPID_PREFIX)) {
                try {
                    return Integer.parseInt(line.substring(PPID_PREFIX.length()).trim());
                }
                catch (NumberFormatException ex) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    private static String readComm(Path dir, String fallback) {
        try {
            String comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip();
            return comm.isEmpty() ? fallback : comm;
        }
        catch (IOException ex) {
            return fallback;
        }
    }

    private static @Nullable String readExe(Path dir) {
        try {
            return Files.readSymbolicLink(dir.resolve("exe")).toString();
        }
        catch (IOException | UnsupportedOperationException ex) {
            return null;
        }
    }

    private static @Nullable String joinArguments(byte @Nullable [] raw) {
        if (raw == null) {
            return null;
        }
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        byte[] joined = new byte[end];
        for (int i = 0; i < end; i++) {
            joined[i] = raw[i] == 0 ? (byte) ' ' : raw[i];
        }
        return new String(joined, StandardCharsets.UTF_8);
    }

    private static @Nullable String firstArgument(byte @Nullable [] raw) {
        if (raw == null) {
            return null;
        }
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return end == 0 ? null : new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static byte @Nullable [] readCmdlineBytes(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve("cmdline"))) {
            return in.readNBytes(CMDLINE_READ_LIMIT);
        }
        catch (IOException ex) {
            return null;
        }
    }
}
