package io.tcpwatch.tracer.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HookSetTests {

    @Test
    void hooksBeforeRefusedAreInUseAndRefusedOnesAreMissing() {
        HookSet hooks = HookSet.fromDescription("tp_btf/inet_sock_set_state (connect, close), tp_btf/sys_exit"
                + " (accept); refused first: fexit/inet_csk_accept: bpf_object__load(..) failed with error(1)");

        assertThat(hooks).isEqualTo(new HookSet("tp_btf/inet_sock_set_state,tp_btf/sys_exit",
                "fexit/inet_csk_accept"));
    }

    @Test
    void descriptionWithoutRefusalsHasNoMissingHooks() {
        HookSet hooks = HookSet.fromDescription("tp_btf/inet_sock_set_state (connect, close), fexit/inet_csk_accept"
                + " (accept)");

        assertThat(hooks).isEqualTo(new HookSet("tp_btf/inet_sock_set_state,fexit/inet_csk_accept", ""));
    }

    @Test
    void listedHooksAreJoinedWithCommasInTheirOrder() {
        HookSet hooks = HookSet.of(List.of("tp_btf/inet_sock_set_state", "tp_btf/sys_exit"),
                List.of("tracepoint/syscalls/sys_exit_accept", "tracepoint/syscalls/sys_exit_accept4"));

        assertThat(hooks).isEqualTo(new HookSet("tp_btf/inet_sock_set_state,tp_btf/sys_exit",
                "tracepoint/syscalls/sys_exit_accept,tracepoint/syscalls/sys_exit_accept4"));
    }
}
