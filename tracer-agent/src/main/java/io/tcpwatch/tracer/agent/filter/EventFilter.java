package io.tcpwatch.tracer.agent.filter;

import io.tcpwatch.tracer.agent.enrich.EnrichedEvent;
import io.tcpwatch.tracer.kernel.KernelEvent;
import java.net.InetAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Decides which events are sent, in two steps: {@link #acceptsKernelEvent} on what the kernel reported
 * (pids, ports, addresses, the Wazuh agent's own traffic), before the event costs a {@code /proc} read,
 * and {@link #acceptsProcess} on the enriched process name. Every event left out is counted by reason.
 */
public final class EventFilter {

    private final FilterRules rules;

    private final Map<Reason, LongAdder> filtered = new EnumMap<>(Reason.class);

    public EventFilter(FilterRules rules) {
        this.rules = Objects.requireNonNull(rules, "'rules' must not be null");
        for (Reason reason : Reason.values()) {
            this.filtered.put(reason, new LongAdder());
        }
    }

    /** Whether the event passes the rules that need only the kernel's fields; counts it when it does not. */
    public boolean acceptsKernelEvent(KernelEvent event) {
        Reason reason = kernelRejection(event);
        if (reason == null) {
            return true;
        }
        this.filtered.get(reason).increment();
        return false;
    }

    /** Whether the enriched event passes the process-name rules; counts it when it does not. */
    public boolean acceptsProcess(EnrichedEvent event) {
        String name = event.process().name();
        String comm = event.kernel().comm();
        boolean included = this.rules.includeProcesses().isEmpty()
                || this.rules.includeProcesses().contains(name) || this.rules.includeProcesses().contains(comm);
        boolean excluded = this.rules.excludeProcesses().contains(name)
                || this.rules.excludeProcesses().contains(comm);
        if (included && !excluded) {
            return true;
        }
        this.filtered.get(Reason.PROCESS).increment();
        return false;
    }

    private @Nullable Reason kernelRejection(KernelEvent event) {
        if (this.rules.excludedPids().contains(event.pid())) {
            return Reason.EXCLUDED_PID;
        }
        if (this.rules.wazuhManagerPorts().contains(event.remotePort())
                && this.rules.wazuhAgentProcesses().contains(event.comm())) {
            return Reason.WAZUH_AGENT;
        }
        if (!this.rules.includePorts().isEmpty() && !this.rules.includePorts().contains(event.localPort())
                && !this.rules.includePorts().contains(event.remotePort())) {
            return Reason.PORT;
        }
        if (this.rules.excludePorts().contains(event.localPort())
                || this.rules.excludePorts().contains(event.remotePort())) {
            return Reason.PORT;
        }
        List<Cidr> include = this.rules.includeCidrs();
        if (!include.isEmpty() && !anyContains(include, event.remoteAddress())) {
            return Reason.ADDRESS;
        }
        if (anyContains(this.rules.excludeCidrs(), event.remoteAddress())) {
            return Reason.ADDRESS;
        }
        return null;
    }

    private static boolean anyContains(List<Cidr> networks, InetAddress address) {
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Events left out for {@code reason} since start. */
    public long filtered(Reason reason) {
        return this.filtered.get(reason).sum();
    }

    /** Events left out for any reason since start. */
    public long filteredTotal() {
        long total = 0;
        for (LongAdder count : this.filtered.values()) {
            total += count.sum();
        }
        return total;
    }

    /** Why an event was left out. */
    public enum Reason {
        /** Its process is excluded by pid (the tracer itself). */
        EXCLUDED_PID,
        /** It is the Wazuh agent talking to its manager. */
        WAZUH_AGENT,
        /** A port rule. */
        PORT,
        /** A network (CIDR) rule on the peer address. */
        ADDRESS,
        /** A process-name rule. */
        PROCESS
    }
}
