package io.tcpwatch.tracer.agent.filter;

import java.util.List;
import java.util.Set;

/**
 * What the {@link EventFilter} lets through. An empty include list lets everything through; an event
 * must match every non-empty include list and no exclude list.
 *
 * @param includePorts ports of which an event must have one, at either end
 * @param excludePorts ports of which an event must have none, at either end
 * @param includeCidrs networks one of which must hold the event's peer address
 * @param excludeCidrs networks none of which may hold the event's peer address
 * @param includeProcesses process names (full name or {@code comm}) of which an event must have one
 * @param excludeProcesses process names (full name or {@code comm}) of which an event must have none
 * @param excludedPids processes whose events are left out (the tracer's own pid)
 * @param wazuhAgentProcesses command names of the Wazuh agent's processes
 * @param wazuhManagerPorts the manager's ports; events of the agent's processes to these peer ports are left
 *     out (an empty set keeps them)
 */
public record FilterRules(
        Set<Integer> includePorts,
        Set<Integer> excludePorts,
        List<Cidr> includeCidrs,
        List<Cidr> excludeCidrs,
        Set<String> includeProcesses,
        Set<String> excludeProcesses,
        Set<Integer> excludedPids,
        Set<String> wazuhAgentProcesses,
        Set<Integer> wazuhManagerPorts) {

    /** The lowest port a filter may name. */
    public static final int MIN_PORT = 1;

    /** The highest port a filter may name. */
    public static final int MAX_PORT = 65_535;

    public FilterRules {
        includePorts = checkedPorts("includePorts", includePorts);
        excludePorts = checkedPorts("excludePorts", excludePorts);
        includeCidrs = List.copyOf(includeCidrs);
        excludeCidrs = List.copyOf(excludeCidrs);
        includeProcesses = Set.copyOf(includeProcesses);
        excludeProcesses = Set.copyOf(excludeProcesses);
        excludedPids = Set.copyOf(excludedPids);
        wazuhAgentProcesses = Set.copyOf(wazuhAgentProcesses);
        wazuhManagerPorts = checkedPorts("wazuhManagerPorts", wazuhManagerPorts);
    }

    /** Rules that let every event through. */
    public static FilterRules none() {
        return new FilterRules(Set.of(), Set.of(), List.of(), List.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of());
    }

    private static Set<Integer> checkedPorts(String name, Set<Integer> ports) {
        for (int port : ports) {
            if (port < MIN_PORT || port > MAX_PORT) {
                throw new IllegalArgumentException("'" + name + "' holds port " + port + "; expected " + MIN_PORT
                        + " to " + MAX_PORT);
            }
        }
        return Set.copyOf(ports);
    }
}
