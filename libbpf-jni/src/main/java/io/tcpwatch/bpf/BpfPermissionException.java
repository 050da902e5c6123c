package io.tcpwatch.bpf;

/** The kernel refused the operation for lack of privilege or because of lockdown (EPERM, EACCES). */
public final class BpfPermissionException extends BpfException {

    private static final long serialVersionUID = 1L;

    BpfPermissionException(String call, int errno, String message, String libbpfLog) {
        super(call, errno, message, libbpfLog);
    }
}
