package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a kernel test, with the reason, where the BPF source cannot load (not root, no BTF, no native
 * library), except when {@code CI=true} or {@code -Dtcpwatch.requireBpf=true}: then the test fails.
 */
final class BpfAssumptions {

    private BpfAssumptions() {
    }

    static void assumeBpfSourceLoads() {
        BpfEventSource.unavailabilityCause().ifPresent(cause -> {
            if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("tcpwatch.requireBpf")) {
                fail("BPF is required here (CI=true or tcpwatch.requireBpf=true) but cannot load: " + cause);
            }
            Assumptions.abort("skipped, BPF cannot load here: " + cause);
        });
    }
}
