package io.tcpwatch.tracer.agent.config;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The tracer cannot start because no event source can run: the BPF program cannot load here. The
 * process exits with {@link #EXIT_CODE}, which the systemd unit treats as "do not restart".
 */
public class BpfUnavailableException extends RuntimeException implements ExitCodeGenerator {

    /** The exit code of a tracer that has nothing to trace. */
    public static final int EXIT_CODE = 3;

    private static final long serialVersionUID = 1L;

    private final String cause;

    public BpfUnavailableException(String cause) {
        super("eBPF is unavailable, so there is nothing to trace: " + cause);
        this.cause = cause;
    }

    public BpfUnavailableException(String cause, Throwable failure) {
        super("eBPF is unavailable, so there is nothing to trace: " + cause, failure);
        this.cause = cause;
    }

    /** Why the BPF program cannot load, as the event source reported it. */
    public String unavailabilityCause() {
        return this.cause;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
