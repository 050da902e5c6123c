package io.tcpwatch.bpf;

/**
 * Keeps the kernel's run-time statistics of every BPF program on (the {@code BPF_ENABLE_STATS} command)
 * while it is open; {@link #close()} turns them off again unless another holder or
 * {@code kernel.bpf_stats_enabled} keeps them on. Counting adds a clock read to every program run.
 */
public final class BpfRunTimeStats implements AutoCloseable {

    private int fd;

    BpfRunTimeStats(int fd) {
        this.fd = fd;
    }

    /** Closes the file descriptor that keeps the statistics on. Idempotent. */
    @Override
    public synchronized void close() {
        if (this.fd < 0) {
            return;
        }
        int result = Native.closeFd(this.fd);
        this.fd = -1;
        if (result < 0) {
            throw Errors.newException("close", result, "the BPF_ENABLE_STATS file descriptor", null);
        }
    }
}
