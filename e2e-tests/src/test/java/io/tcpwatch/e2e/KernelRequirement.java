package io.tcpwatch.e2e;

import static org.assertj.core.api.Assertions.fail;

import io.tcpwatch.tracer.kernel.BpfEventSource;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a test that needs the real kernel runs: it skips, with the reason, where the BPF program cannot
 * load, except in CI ({@code CI=true}) or with {@code -Dtcpwatch.requireBpf=true}, where a skip would hide a
 * broken build and is a failure instead.
 */
final class KernelRequirement {

    private KernelRequirement() {
    }

    static void assumeBpfAvailable() {
        Optional<String> cause = BpfEventSource.unavailabilityCause();
        if (cause.isEmpty()) {
            return;
        }
        String message = "the eBPF program cannot load here: " + cause.get();
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("tcpwatch.requireBpf")) {
            fail(message + " (CI=true or tcpwatch.requireBpf=true: kernel tests must run)");
        }
        Assumptions.abort(message);
    }
}
