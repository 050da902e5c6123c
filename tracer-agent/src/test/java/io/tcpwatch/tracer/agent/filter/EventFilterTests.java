package io.tcpwatch.tracer.agent.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tcpwatch.tracer.agent.KernelEvents;
import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.agent.enrich.ProcessInfo;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventFilterTests {

    private static FilterRules rules(Set<Integer> includePorts, Set<Integer> excludePorts, List<Cidr> includeCidrs,
            List<Cidr> excludeCidrs, Set<String> includeProcesses, Set<String> excludeProcesses) {
        return new FilterRules(includePorts, excludePorts, includeCidrs, excludeCidrs, includeProcesses,
                excludeProcesses, Set.of(7), Set.of("wazuh-agentd"), Set.of(1514, 1515));
    }

    private static FilterRules defaults() {
        return rules(Set.of(), Set.of(), List.of(), List.of(), Set.of(), Set.of());
    }

    @Nested
    class PortBounds {

        @ParameterizedTest(name = "port {0} is accepted")
        @ValueSource(ints = {FilterRules.MIN_PORT, FilterRules.MAX_PORT})
        void portsFromOneTo65535AreAccepted(int port) {
            assertThat(rules(Set.of(port), Set.of(), List.of(), List.of(), Set.of(), Set.of()).includePorts())
                    .containsExactly(port);
        }

        @ParameterizedTest(name = "port {0} is rejected")
        @ValueSource(ints = {FilterRules.MIN_PORT - 1, FilterRules.MAX_PORT + 1, -1})
        void portsOutsideOneTo65535AreRejected(int port) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> rules(Set.of(), Set.of(port), List.of(), List.of(), Set.of(), Set.of()))
                    .withMessage("'excludePorts' holds port " + port + "; expected 1 to 65535");
        }
    }

    @Test
    void eventOfAnExcludedPidIsLeftOutAndCounted() {
        EventFilter filter = new EventFilter(defaults());
        KernelEvent own = KernelEvents.curlConnect().process(7, 7, 1, "java").build();

        boolean accepted = filter.acceptsKernelEvent(own);

        assertThat(accepted).isFalse();
        assertThat(filter.filtered(EventFilter.Reason.EXCLUDED_PID)).isEqualTo(1);
    }

    @ParameterizedTest(name = "wazuh-agentd to port {0} is left out")
    @ValueSource(ints = {1514, 1515})
    void wazuhAgentTalkingToItsManagerIsLeftOut(int port) {
        EventFilter filter = new EventFilter(defaults());
        KernelEvent agent = KernelEvents.curlConnect().process(900, 900, 1, "wazuh-agentd").remote("10.0.0.2", port)
                .build();

        assertThat(filter.acceptsKernelEvent(agent)).isFalse();
        assertThat(filter.filtered(EventFilter.Reason.WAZUH_AGENT)).isEqualTo(1);
    }

    @Test
    void wazuhAgentTalkingToAnotherPortIsKept() {
        EventFilter filter = new EventFilter(defaults());
        KernelEvent agent = KernelEvents.curlConnect().process(900, 900, 1, "wazuh-agentd").remote("10.0.0.2", 443)
                .build();

        assertThat(filter.acceptsKernelEvent(agent)).isTrue();
    }

    @Test
    void otherProcessTalkingToPort1514IsKept() {
        EventFilter filter = new EventFilter(defaults());
        KernelEvent other = KernelEvents.curlConnect().remote("10.0.0.2", 1514).build();

        assertThat(filter.acceptsKernelEvent(other)).isTrue();
    }

    @ParameterizedTest(name = "local port {0} against include 22: {1}")
    @CsvSource({"22, true", "23, false"})
    void includedPortMatchesEitherEnd(int localPort, boolean expected) {
        EventFilter filter = new EventFilter(rules(Set.of(22), Set.of(), List.of(), List.of(), Set.of(), Set.of()));
        KernelEvent event = KernelEvents.curlConnect().local("10.0.0.5", localPort).remote("10.0.0.9", 40000)
                .build();

        assertThat(filter.acceptsKernelEvent(event)).isEqualTo(expected);
    }

    @Test
    void excludedPortLeavesTheEventOut() {
        EventFilter filter = new EventFilter(rules(Set.of(), Set.of(443), List.of(), List.of(), Set.of(), Set.of()));

        assertThat(filter.acceptsKernelEvent(KernelEvents.curlConnect().build())).isFalse();
        assertThat(filter.filtered(EventFilter.Reason.PORT)).isEqualTo(1);
    }

    @Test
    void excludedNetworkIsMatchedOnThePeerAddress() {
        EventFilter filter = new EventFilter(rules(Set.of(), Set.of(), List.of(),
                List.of(Cidr.valueOf("10.0.0.0/8")), Set.of(), Set.of()));
        KernelEvent toPublic = KernelEvents.curlConnect().build();
        KernelEvent toPrivate = KernelEvents.curlConnect().remote("10.1.2.3", 443).build();

        assertThat(filter.acceptsKernelEvent(toPublic)).isTrue();
        assertThat(filter.acceptsKernelEvent(toPrivate)).isFalse();
        assertThat(filter.filtered(EventFilter.Reason.ADDRESS)).isEqualTo(1);
    }

    @Test
    void includedIpv6NetworkLetsOnlyItsPeersThrough() {
        EventFilter filter = new EventFilter(rules(Set.of(), Set.of(), List.of(Cidr.valueOf("2001:db8::/32")),
                List.of(), Set.of(), Set.of()));
        KernelEvent inside = KernelEvents.curlConnect().local("2001:db8::5", 40000).remote("2001:db8::1", 443)
                .build();
        KernelEvent outside = KernelEvents.curlConnect().build();

        assertThat(filter.acceptsKernelEvent(inside)).isTrue();
        assertThat(filter.acceptsKernelEvent(outside)).isFalse();
    }

    @Test
    void processIsMatchedByFullNameOrComm() {
        EventFilter filter = new EventFilter(rules(Set.of(), Set.of(), List.of(), List.of(), Set.of(),
                Set.of("systemd-resolved")));
        KernelEvent kernel = KernelEvents.curlConnect().process(977, 977, 1, "systemd-resolve").build();
        EnrichedEvent event = new EnrichedEvent(kernel, new ProcessInfo(1, "systemd-resolved", null, null, true),
                null);

        assertThat(filter.acceptsProcess(event)).isFalse();
        assertThat(filter.filtered(EventFilter.Reason.PROCESS)).isEqualTo(1);
        assertThat(filter.filteredTotal()).isEqualTo(1);
    }

    @Test
    void includedProcessListLeavesOutOthers() {
        EventFilter filter = new EventFilter(rules(Set.of(), Set.of(), List.of(), List.of(), Set.of("sshd"),
                Set.of()));

        assertThat(filter.acceptsProcess(KernelEvents.curlConnect().enrichedAsCurl())).isFalse();
    }
}
