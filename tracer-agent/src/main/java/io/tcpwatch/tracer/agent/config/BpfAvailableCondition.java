package io.tcpwatch.tracer.agent.config;

import io.tcpwatch.tracer.kernel.BpfEventSource;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the BPF event source can load on this kernel, as {@link BpfEventSource} itself says. */
final class BpfAvailableCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Optional<String> cause = BpfEventSource.unavailabilityCause();
        return cause.map(reason -> ConditionOutcome.noMatch("eBPF is unavailable: " + reason))
                .orElseGet(() -> ConditionOutcome.match("eBPF is available"));
    }
}
