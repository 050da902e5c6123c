package io.tcpwatch.bpf;

/**
 * The one place that turns an errno into an exception. Every message reads
 * {@code "<call>(..) failed with error(<n>): <strerror>"}, followed by a detail naming the input when the
 * caller has one, and, from the second line on, by libbpf's own output when it printed any.
 */
public final class Errors {

    /** Operation not permitted. */
    public static final int EPERM = 1;

    /** No such file or directory; libbpf also uses it for an unknown program, map or kernel type. */
    public static final int ENOENT = 2;

    /** No such process. */
    public static final int ESRCH = 3;

    /** Interrupted system call. */
    public static final int EINTR = 4;

    /** Bad file descriptor: a program or map that was not loaded has none. */
    public static final int EBADF = 9;

    /** Out of memory. */
    public static final int ENOMEM = 12;

    /** Permission denied. */
    public static final int EACCES = 13;

    /** Device or resource busy. */
    public static final int EBUSY = 16;

    /** Invalid argument. */
    public static final int EINVAL = 22;

    /** Argument list too long (the verifier's program-size limit). */
    public static final int E2BIG = 7;

    /** Function not implemented. */
    public static final int ENOSYS = 38;

    /** Message too long: a ring-buffer record does not fit the batch buffer. */
    public static final int EMSGSIZE = 90;

    /** Operation not supported. */
    public static final int EOPNOTSUPP = 95;

    /** The kernel-internal "not supported" code some BPF paths return. */
    public static final int ENOTSUPP = 524;

    private Errors() {
    }

    /**
     * Makes the exception for a failed native call.
     *
     * @param call the libbpf function or operation, such as {@code bpf_object__load}
     * @param result the value the native returned: {@code -errno} (a positive errno is accepted too)
     * @param detail what the call was about, naming the input (may be {@code null})
     * @param libbpfLog what libbpf printed during the call (may be {@code null} or empty)
     * @return the exception, to be thrown by the caller
     */
    public static BpfException newException(String call, int result, String detail, String libbpfLog) {
        int errno = Math.abs(result);
        String log = libbpfLog == null ? "" : libbpfLog.strip();
        StringBuilder message = new StringBuilder(call).append("(..) failed with error(").append(errno)
                .append("): ").append(strerror(errno));
        if (detail != null && !detail.isEmpty()) {
            message.append(": ").append(detail);
        }
        if (!log.isEmpty()) {
            message.append('\n').append(log);
        }
        String text = message.toString();
        return switch (errno) {
            case EPERM, EACCES -> new BpfPermissionException(call, errno, text, log);
            case ENOENT, ESRCH -> new BpfNotFoundException(call, errno, text, log);
            case EOPNOTSUPP, ENOTSUPP, ENOSYS -> new BpfUnsupportedException(call, errno, text, log);
            default -> new BpfException(call, errno, text, log);
        };
    }

    /**
     * Makes the exception for a failure found in Java before any native call (a missing resource, an
     * unknown name), worded like the native ones so that callers see one style.
     */
    static BpfException newException(String call, int errno, String detail) {
        return newException(call, errno, detail, null);
    }

    /**
     * The C library's text for {@code errno} (libbpf's wording for its own codes above 4000). When the
     * native library is not loaded: glibc's text for the codes named here, {@code "errno <n>"} for others.
     */
    public static String strerror(int errno) {
        if (errno == ENOTSUPP) {
            return "Operation not supported";
        }
        if (Libbpf.isAvailable()) {
            return Libbpf.strerror(errno);
        }
        return switch (errno) {
            case EPERM -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case ESRCH -> "No such process";
            case EINTR -> "Interrupted system call";
            case EBADF -> "Bad file descriptor";
            case E2BIG -> "Argument list too long";
            case ENOMEM -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case EBUSY -> "Device or resource busy";
            case EINVAL -> "Invalid argument";
            case ENOSYS -> "Function not implemented";
            case EMSGSIZE -> "Message too long";
            case EOPNOTSUPP -> "Operation not supported";
            default -> "errno " + errno;
        };
    }
}
