package io.tcpwatch.bpf;

import static org.assertj.core.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a kernel test, with the reason, where BPF cannot load (not root, no native library), except when
 * {@code CI=true} or {@code -Dtcpwatch.requireBpf=true}: then the test fails instead.
 */
final class BpfAssumptions {

    private BpfAssumptions() {
    }

    static void assumeBpfLoads() {
        Optional<String> cause = cause();
        if (cause.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("tcpwatch.requireBpf")) {
            fail("BPF is required here (CI=true or tcpwatch.requireBpf=true) but cannot load: " + cause.get());
        }
        Assumptions.abort("skipped, BPF cannot load here: " + cause.get());
    }

    static void assumeNativeLibrary() {
        Libbpf.unavailabilityCause().ifPresent(cause -> {
            if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("tcpwatch.requireBpf")) {
                fail("the native library is required here but cannot load: " + cause);
            }
            Assumptions.abort("skipped, the native library cannot load here: " + cause);
        });
    }

    private static Optional<String> cause() {
        Optional<Throwable> nativeCause = Libbpf.unavailabilityCause();
        if (nativeCause.isPresent()) {
            return Optional.of("native library: " + nativeCause.get());
        }
        try {
            Libbpf.probeTracingLoad();
            return Optional.empty();
        }
        catch (BpfException ex) {
            return Optional.of(ex.getMessage());
        }
    }
}
