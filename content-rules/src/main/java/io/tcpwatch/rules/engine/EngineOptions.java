package io.tcpwatch.rules.engine;

import java.time.Clock;
import java.util.Objects;

/**
 * What an alert takes from the manager rather than from the event: the manager's host name (also the agent
 * name of local events) and the clock that stamps alerts and drives time windows.
 *
 * @param managerName {@code manager.name} and the hostname of local events without a syslog hostname
 * @param clock the manager's clock; tests inject a fixed one
 */
public record EngineOptions(String managerName, Clock clock) {

    public EngineOptions {
        Objects.requireNonNull(managerName, "'managerName' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /** The local host name (or {@code localhost}) and the system clock. */
    public static EngineOptions defaults() {
        String name;
        try {
            name = java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.net.UnknownHostException ex) {
            name = "localhost";
        }
        return new EngineOptions(name, Clock.systemDefaultZone());
    }
}
