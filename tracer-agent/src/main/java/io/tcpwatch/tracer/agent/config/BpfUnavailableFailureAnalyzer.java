package io.tcpwatch.tracer.agent.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link BpfUnavailableException} into a short start-up failure report with what to do. */
final class BpfUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<BpfUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BpfUnavailableException cause) {
        return new FailureAnalysis("tcpwatch cannot trace TCP connections: eBPF is unavailable ("
                + cause.unavailabilityCause() + ").",
                "Run the tracer as root (sudo ./bin/tcpwatch-tracer), or with the capabilities CAP_BPF, CAP_PERFMON,"
                        + " CAP_SYS_ADMIN and CAP_SYS_PTRACE, on a kernel with BTF (/sys/kernel/btf/vmlinux).",
                cause);
    }
}
