package io.tcpwatch.tracer.agent.enrich;

import org.jspecify.annotations.Nullable;

/**
 * Recovers a process's full name when the kernel's {@code comm} was cut.
 */
public final class ProcessNames {

    /** The kernel keeps at most this many characters of a command name (TASK_COMM_LEN less its NUL). */
    public static final int COMM_MAX_CHARS = 15;

    private static final String DELETED_SUFFIX = " (deleted)";

    private ProcessNames() {
    }

    /**
     * The full name of a process: {@code comm} itself when it is shorter than {@link #COMM_MAX_CHARS},
     * else the base name of the executable or of the first command-line word, whichever starts with
     * {@code comm}. Falls back to {@code comm} when neither does (a process that renamed itself).
     */
    public static String fullName(String comm, @Nullable String exe, @Nullable String firstArgument) {
        if (comm.length() < COMM_MAX_CHARS) {
            return comm;
        }
        String fromExe = baseName(exe);
        if (fromExe != null && fromExe.length() > comm.length() && fromExe.startsWith(comm)) {
            return fromExe;
        }
        String fromArgument = baseName(firstArgument);
        if (fromArgument != null && fromArgument.length() > comm.length() && fromArgument.startsWith(comm)) {
            return fromArgument;
        }
        return comm;
    }

    private static @Nullable String baseName(@Nullable String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String trimmed = path.endsWith(DELETED_SUFFIX)
                ? path.substring(0, path.length() - DELETED_SUFFIX.length())
                : path;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }
}
