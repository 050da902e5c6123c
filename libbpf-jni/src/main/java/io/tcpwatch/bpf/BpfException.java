package io.tcpwatch.bpf;

/**
 * A libbpf or BPF system call failed. Carries the errno the call returned and what libbpf printed while it
 * ran (the verifier log on a rejected program, for example). Instances are made by {@link Errors} only.
 */
public class BpfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;

    private final int errno;

    private final String libbpfLog;

    BpfException(String call, int errno, String message, String libbpfLog) {
        super(message);
        this.call = call;
        this.errno = errno;
        this.libbpfLog = libbpfLog;
    }

    /** The libbpf function or operation that failed, such as {@code bpf_object__load}. */
    public String call() {
        return this.call;
    }

    /** The positive errno value, or 0 when the failure was found in Java before any native call. */
    public int errno() {
        return this.errno;
    }

    /** What libbpf printed at warning or info level during the failed call; empty when nothing. */
    public String libbpfLog() {
        return this.libbpfLog;
    }
}
