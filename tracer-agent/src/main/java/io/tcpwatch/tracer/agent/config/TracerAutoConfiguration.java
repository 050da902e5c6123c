package io.tcpwatch.tracer.agent.config;

import io.tcpwatch.tracer.agent.daemon.EventPipeline;
import io.tcpwatch.tracer.agent.daemon.HealthReporter;
import io.tcpwatch.tracer.agent.daemon.HookSet;
import io.tcpwatch.tracer.agent.daemon.TracerDaemon;
import io.tcpwatch.tracer.agent.enrich.ProcReader;
import io.tcpwatch.tracer.agent.enrich.ProcessEnricher;
import io.tcpwatch.tracer.agent.enrich.UserDirectory;
import io.tcpwatch.tracer.agent.filter.EventFilter;
import io.tcpwatch.tracer.agent.filter.FilterRules;
import io.tcpwatch.tracer.agent.format.EventFormatter;
import io.tcpwatch.tracer.agent.format.JsonEventFormatter;
import io.tcpwatch.tracer.agent.format.LegacyEventFormatter;
import io.tcpwatch.tracer.agent.format.TextEventFormatter;
import io.tcpwatch.tracer.agent.sink.ConsoleSink;
import io.tcpwatch.tracer.agent.sink.EventSink;
import io.tcpwatch.tracer.agent.sink.JsonFileSink;
import io.tcpwatch.tracer.agent.sink.WazuhQueueSink;
import io.tcpwatch.tracer.kernel.BpfEventSource;
import io.tcpwatch.tracer.kernel.EventSource;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the tracer: kernel event source, filter, enricher, formatter, sink, health reports and the
 * daemon that runs them. Each bean backs off when the application defines its own.
 *
 * <p>The BPF event source is created only when {@link BpfEventSource#unavailabilityCause()} is empty; when
 * it is not and no other {@link EventSource} is defined, start-up fails with {@link BpfUnavailableException},
 * after one WARN line with the cause, because there is nothing to trace.
 */
@AutoConfiguration
@EnableConfigurationProperties(TracerProperties.class)
public final class TracerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TracerAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ProcessEnricher processEnricher(TracerProperties properties) {
        TracerProperties.Enrich enrich = properties.getEnrich();
        return new ProcessEnricher(new ProcReader(enrich.getProcRoot()), new UserDirectory(enrich.getPasswdFile()),
                enrich.getCacheSize(), enrich.getCacheTtl(), System::nanoTime);
    }

    @Bean
    @ConditionalOnMissingBean
    EventFilter eventFilter(TracerProperties properties) {
        return new EventFilter(filterRules(properties.getFilter()));
    }

    static FilterRules filterRules(TracerProperties.Filter filter) {
        Set<Integer> excludedPids = filter.isExcludeSelf() ? Set.of(ownPid()) : Set.of();
        Set<Integer> managerPorts = filter.isExcludeWazuhAgent() ? new LinkedHashSet<>(filter.getWazuhManagerPorts())
                : Set.of();
        return new FilterRules(new LinkedHashSet<>(filter.getIncludePorts()),
                new LinkedHashSet<>(filter.getExcludePorts()), filter.getIncludeCidrs(), filter.getExcludeCidrs(),
                new LinkedHashSet<>(filter.getIncludeProcesses()), new LinkedHashSet<>(filter.getExcludeProcesses()),
                excludedPids, new LinkedHashSet<>(filter.getWazuhAgentProcesses()), managerPorts);
    }

    private static int ownPid() {
        return Math.toIntExact(ProcessHandle.current().pid());
    }

    @Bean
    @ConditionalOnMissingBean
    EventSink eventSink(TracerProperties properties) {
        TracerProperties.Sink sink = properties.getSink();
        return switch (chooseSink(properties)) {
            case WAZUH -> new WazuhQueueSink(properties.getWazuh().getSocket(), sink.getBufferCapacity(),
                    sink.getRetryInterval(), sink.getCloseTimeout());
            case JSON -> new JsonFileSink(properties.getJson().getFile(), sink.getBufferCapacity(),
                    sink.getRetryInterval(), sink.getCloseTimeout());
            case CONSOLE, AUTO -> new ConsoleSink(System.out, "standard output",
                    sink.getBufferCapacity(), sink.getCloseTimeout());
        };
    }

    /**
     * The sink type to use: the configured one, or for {@code auto} the wazuh sink when the agent's queue
     * socket exists and the console sink when it does not (logged at INFO, once).
     */
    static TracerProperties.SinkType chooseSink(TracerProperties properties) {
        TracerProperties.SinkType type = properties.getSink().getType();
        if (type != TracerProperties.SinkType.AUTO) {
            return type;
        }
        if (Files.exists(properties.getWazuh().getSocket())) {
            log.info("Sink auto: the Wazuh agent socket {} exists, sending events to it",
                    properties.getWazuh().getSocket());
            return TracerProperties.SinkType.WAZUH;
        }
        log.info("Sink auto: no Wazuh agent socket at {}, writing events to the console",
                properties.getWazuh().getSocket());
        return TracerProperties.SinkType.CONSOLE;
    }

    @Bean
    @ConditionalOnMissingBean
    EventFormatter eventFormatter(TracerProperties properties, EventSink sink) {
        JsonEventFormatter json = new JsonEventFormatter();
        if (sink instanceof ConsoleSink) {
            return switch (properties.getConsole().getFormat()) {
                case TEXT -> new TextEventFormatter();
                case JSON -> json;
                case LEGACY -> new LegacyEventFormatter(json);
            };
        }
        return switch (properties.getFormat()) {
            case JSON -> json;
            case LEGACY -> new LegacyEventFormatter(json);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EventPipeline eventPipeline(EventFilter filter, ProcessEnricher enricher, EventFormatter formatter,
            EventSink sink) {
        return new EventPipeline(filter, enricher, formatter, sink);
    }

    @Bean
    @ConditionalOnMissingBean
    TracerDaemon tracerDaemon(ObjectProvider<EventSource> sources, EventPipeline pipeline, EventSink sink,
            EventFormatter formatter, TracerProperties properties) {
        EventSource source = sources.getIfAvailable();
        if (source == null) {
            String cause = BpfEventSource.unavailabilityCause().orElse("no event source is configured");
            log.warn("eBPF is unavailable: {}", cause);
            throw new BpfUnavailableException(cause);
        }
        HealthReporter health = new HealthReporter(source, hooks(source), recursionMisses(source), pipeline,
                formatter, sink, TracerVersion.current(), Clock.systemUTC());
        return new TracerDaemon(source, pipeline, sink, health, properties.getHealth().getInterval());
    }

    /** The hooks the source lists, or for a source other than the BPF one those its description names. */
    static HookSet hooks(EventSource source) {
        if (source instanceof BpfEventSource bpf) {
            return HookSet.of(bpf.hooksInUse(), bpf.hooksMissing());
        }
        return HookSet.fromDescription(source.describeHooks());
    }

    /**
     * The BPF source's recursion misses; 0 for a source other than the BPF one, which runs no BPF program the
     * kernel could skip.
     */
    static LongSupplier recursionMisses(EventSource source) {
        if (source instanceof BpfEventSource bpf) {
            return bpf::recursionMisses;
        }
        return () -> 0;
    }

    /** The BPF event source, when the kernel lets it load. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BpfEventSource.class)
    static final class BpfSourceConfiguration {

        @Bean
        @ConditionalOnMissingBean(EventSource.class)
        @Conditional(BpfAvailableCondition.class)
        EventSource bpfEventSource(TracerProperties properties) {
            BpfEventSource.Options options = sourceOptions(properties);
            try {
                return BpfEventSource.open(options);
            }
            catch (RuntimeException ex) {
                log.warn("eBPF is unavailable: the BPF program did not load: {}", ex.getMessage());
                throw new BpfUnavailableException("the BPF program did not load: " + ex.getMessage(), ex);
            }
        }

        static BpfEventSource.Options sourceOptions(TracerProperties properties) {
            BpfEventSource.Options defaults = BpfEventSource.Options.defaults();
            TracerProperties.Kernel kernel = properties.getKernel();
            Integer ringBufferBytes = kernel.getRingBufferBytes();
            if (ringBufferBytes != null && Integer.bitCount(ringBufferBytes) != 1) {
                throw new InvalidConfigurationPropertyValueException("tcpwatch.kernel.ring-buffer-bytes",
                        ringBufferBytes, "expected a power of two");
            }
            Set<Integer> excluded = properties.getFilter().isExcludeSelf() ? Set.of(ownPid()) : Set.of();
            return new BpfEventSource.Options(ringBufferBytes != null ? ringBufferBytes : defaults.ringBufferBytes(),
                    kernel.getPollTimeout() != null ? kernel.getPollTimeout() : defaults.pollTimeout(), excluded);
        }
    }
}
