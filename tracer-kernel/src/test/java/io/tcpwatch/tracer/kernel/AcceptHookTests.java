package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpwatch.bpf.BpfObject;
import io.tcpwatch.bpf.Libbpf;
import io.tcpwatch.tracer.kernel.BpfEventSource.AcceptHook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AcceptHookTests {

    @Test
    void acceptHooksAreTriedFexitFirstThenTheAcceptTracepointsThenTheSyscallExitNeedingNoTracefs() {
        assertThat(AcceptHook.values()).extracting(hook -> hook.description).containsExactly(
                "fexit/inet_csk_accept", "tracepoint/syscalls/sys_exit_accept{,4}", "tp_btf/sys_exit");
    }

    @Test
    void theObjectHoldsExactlyTheStateProgramAndEachHooksPrograms() {
        Assumptions.assumeTrue(Libbpf.isAvailable(), () -> "skipped, no native library: "
                + Libbpf.unavailabilityCause().orElseThrow());
        List<String> expected = new ArrayList<>(List.of(BpfEventSource.STATE_PROGRAM));
        for (AcceptHook hook : AcceptHook.values()) {
            expected.addAll(hook.programs);
        }

        try (BpfObject object = BpfObject.openResource(BpfEventSource.class, BpfEventSource.OBJECT_RESOURCE)) {
            assertThat(object.programNames()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
