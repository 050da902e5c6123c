package io.tcpwatch.bpf;

import java.util.Optional;

/**
 * The native side of this binding: loads the JNI library shipped in the jar and says whether it could.
 * Loading this class never throws; ask {@link #isAvailable()} or {@link #unavailabilityCause()} first.
 */
public final class Libbpf {

    private static final Throwable UNAVAILABILITY_CAUSE = NativeLoader.load();

    private Libbpf() {
    }

    /** Whether the JNI library and the system libbpf it links against are loaded. */
    public static boolean isAvailable() {
        return UNAVAILABILITY_CAUSE == null;
    }

    /** Why the native library could not be loaded; empty when it is available. Never throws. */
    public static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(UNAVAILABILITY_CAUSE);
    }

    /**
     * Throws, when the native library is not loaded, a {@link BpfUnsupportedException} whose cause is the
     * unavailability cause.
     */
    public static void ensureAvailable() {
        if (UNAVAILABILITY_CAUSE != null) {
            BpfException error = Errors.newException("System.load", -Errors.ENOSYS,
                    "the libbpf JNI library is not available: " + UNAVAILABILITY_CAUSE);
            error.initCause(UNAVAILABILITY_CAUSE);
            throw error;
        }
    }

    /** The version of the libbpf the JNI library runs against, such as {@code "1.1"}. */
    public static String version() {
        ensureAvailable();
        return Native.libbpfVersion();
    }

    /** The number of possible CPUs, which sizes a per-CPU map's value. */
    public static int numPossibleCpus() {
        ensureAvailable();
        int result = Native.numPossibleCpus();
        if (result < 0) {
            throw Errors.newException("libbpf_num_possible_cpus", result, null, Native.takeLog());
        }
        return result;
    }

    /**
     * Loads (and unloads) a two-instruction tracing program, which fails as a real load would without
     * the privilege (CAP_BPF and CAP_PERFMON, or root).
     *
     * @throws BpfException when the kernel refuses it
     */
    public static void probeTracingLoad() {
        ensureAvailable();
        int result = Native.probeTracingLoad();
        if (result < 0) {
            throw Errors.newException("bpf_prog_load", result, "a trivial tracepoint program", Native.takeLog());
        }
    }

    /**
     * Turns the kernel's run-time statistics of every BPF program on until the returned handle is closed,
     * so that {@link BpfProgramStats#runCount()} and {@link BpfProgramStats#runTimeNanos()} count.
     *
     * @throws BpfPermissionException without CAP_SYS_ADMIN
     * @throws BpfException on kernels without {@code BPF_ENABLE_STATS} (before 5.8)
     */
    public static BpfRunTimeStats enableRunTimeStats() {
        ensureAvailable();
        int result = Native.enableRunTimeStats();
        if (result < 0) {
            throw Errors.newException("bpf_enable_stats", result, "BPF_STATS_RUN_TIME", Native.takeLog());
        }
        return new BpfRunTimeStats(result);
    }

    static String strerror(int errno) {
        return Native.strerror(errno);
    }
}
