package io.tcpwatch.bpf;

/**
 * A loaded program's run statistics, as the kernel reports them in {@code struct bpf_prog_info}.
 *
 * <p>{@code runCount} and {@code runTimeNanos} are counted only while the kernel's run-time statistics are
 * on ({@code kernel.bpf_stats_enabled=1}, or {@link Libbpf#enableRunTimeStats()}); otherwise they stay where
 * they were, 0 for a program that never ran with them on. {@code recursionMisses} is always counted, on
 * kernels that report it (5.12 and later).
 *
 * @param program the program's name
 * @param runCount times the program ran while statistics were on
 * @param runTimeNanos time the program ran while statistics were on, in nanoseconds
 * @param recursionMisses times the kernel skipped the program because a BPF program already ran on that CPU
 *     (a tracing program fired from an interrupt on top of another one): each is an event never seen
 * @param recursionMissesReported whether this kernel reports recursion misses at all; when false,
 *     {@code recursionMisses} is 0 because the kernel does NOT count them, not because none happened
 */
public record BpfProgramStats(String program, long runCount, long runTimeNanos, long recursionMisses,
        boolean recursionMissesReported) {
}
