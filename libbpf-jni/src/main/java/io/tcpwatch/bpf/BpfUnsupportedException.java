package io.tcpwatch.bpf;

/** The running kernel does not support the requested feature (EOPNOTSUPP, ENOTSUPP, ENOSYS). */
public final class BpfUnsupportedException extends BpfException {

    private static final long serialVersionUID = 1L;

    BpfUnsupportedException(String call, int errno, String message, String libbpfLog) {
        super(call, errno, message, libbpfLog);
    }
}
