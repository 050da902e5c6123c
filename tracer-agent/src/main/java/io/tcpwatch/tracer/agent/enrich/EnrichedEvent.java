package io.tcpwatch.tracer.agent.enrich;

import io.tcpwatch.tracer.kernel.KernelEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A kernel event with what {@code /proc} and the user database add about its process.
 *
 * @param kernel the event as the kernel reported it
 * @param process the process behind the event
 * @param user the user name of the event's uid, or {@code null} when it does not resolve
 */
public record EnrichedEvent(KernelEvent kernel, ProcessInfo process, @Nullable String user) {

    public EnrichedEvent {
        Objects.requireNonNull(kernel, "'kernel' must not be null");
        Objects.requireNonNull(process, "'process' must not be null");
    }
}
