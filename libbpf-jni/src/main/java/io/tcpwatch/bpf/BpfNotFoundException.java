package io.tcpwatch.bpf;

/** A named thing does not exist: a resource, file, program, map, variable or kernel symbol (ENOENT, ESRCH). */
public final class BpfNotFoundException extends BpfException {

    private static final long serialVersionUID = 1L;

    BpfNotFoundException(String call, int errno, String message, String libbpfLog) {
        super(call, errno, message, libbpfLog);
    }
}
