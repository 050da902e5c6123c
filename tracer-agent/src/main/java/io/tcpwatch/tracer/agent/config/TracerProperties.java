package io.tcpwatch.tracer.agent.config;

import io.tcpwatch.tracer.agent.filter.Cidr;
import io.tcpwatch.tracer.agent.filter.FilterRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the tracer daemon, under the {@code tcpwatch} prefix.
 */
@ConfigurationProperties("tcpwatch")
@Validated
public class TracerProperties {

    /** The line format of events sent to the wazuh and json sinks. */
    @NotNull
    private Format format = Format.JSON;

    /** Where events go and how much is held while the destination is away. */
    @Valid
    private final Sink sink = new Sink();

    /** The wazuh sink. */
    @Valid
    private final Wazuh wazuh = new Wazuh();

    /** The json file sink. */
    @Valid
    private final Json json = new Json();

    /** The console sink. */
    @Valid
    private final Console console = new Console();

    /** Enrichment of events from /proc. */
    @Valid
    private final Enrich enrich = new Enrich();

    /** Which events are sent. */
    @Valid
    private final Filter filter = new Filter();

    /** The health event. */
    @Valid
    private final Health health = new Health();

    /** The kernel event source. */
    @Valid
    private final Kernel kernel = new Kernel();

    public Format getFormat() {
        return this.format;
    }

    public void setFormat(Format format) {
        this.format = format;
    }

    public Sink getSink() {
        return this.sink;
    }

    public Wazuh getWazuh() {
        return this.wazuh;
    }

    public Json getJson() {
        return this.json;
    }

    public Console getConsole() {
        return this.console;
    }

    public Enrich getEnrich() {
        return this.enrich;
    }

    public Filter getFilter() {
        return this.filter;
    }

    public Health getHealth() {
        return this.health;
    }

    public Kernel getKernel() {
        return this.kernel;
    }

    /** Line formats. */
    public enum Format {
        /** The JSON lines of docs/event-schema.md. */
        JSON,
        /** The seed recipe's "TCP Connection: ..." text line. */
        LEGACY
    }

    /** Line formats of the console sink. */
    public enum ConsoleFormat {
        /** A readable line per event. */
        TEXT,
        /** The JSON lines of docs/event-schema.md. */
        JSON,
        /** The seed recipe's text line. */
        LEGACY
    }

    /** Sink types. */
    public enum SinkType {
        /** The wazuh sink when the agent's queue socket exists, else the console sink. */
        AUTO,
        /** Datagrams to the local Wazuh agent's queue socket. */
        WAZUH,
        /** JSON lines appended to a file. */
        JSON,
        /** Lines on standard output. */
        CONSOLE
    }

    /** Sink settings. */
    public static class Sink {

        /** Which sink events go to. */
        @NotNull
        private SinkType type = SinkType.AUTO;

        /** The most events held while the sink's destination is away; more are dropped and counted. */
        @Min(1)
        @Max(1_000_000)
        private int bufferCapacity = 16_384;

        /** How long to wait between attempts to reach the sink's destination again. */
        @NotNull
        @DurationMin(millis = 10)
        private Duration retryInterval = Duration.ofSeconds(1);

        /** How long stopping waits for held events to be delivered. */
        @NotNull
        @DurationMin(millis = 0)
        private Duration closeTimeout = Duration.ofSeconds(2);

        public SinkType getType() {
            return this.type;
        }

        public void setType(SinkType type) {
            this.type = type;
        }

        public int getBufferCapacity() {
            return this.bufferCapacity;
        }

        public void setBufferCapacity(int bufferCapacity) {
            this.bufferCapacity = bufferCapacity;
        }

        public Duration getRetryInterval() {
            return this.retryInterval;
        }

        public void setRetryInterval(Duration retryInterval) {
            this.retryInterval = retryInterval;
        }

        public Duration getCloseTimeout() {
            return this.closeTimeout;
        }

        public void setCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
        }
    }

    /** Wazuh sink settings. */
    public static class Wazuh {

        /** The Wazuh agent's queue socket. */
        @NotNull
        private Path socket = Path.of("/var/ossec/queue/sockets/queue");

        public Path getSocket() {
            return this.socket;
        }

        public void setSocket(Path socket) {
            this.socket = socket;
        }
    }

    /** JSON file sink settings. */
    public static class Json {

        /** The file events are appended to, one JSON line each. */
        @NotNull
        private Path file = Path.of("/var/log/tcpwatch/events.json");

        public Path getFile() {
            return this.file;
        }

        public void setFile(Path file) {
            this.file = file;
        }
    }

    /** Console sink settings. */
    public static class Console {

        /** The line format on the console. */
        @NotNull
        private ConsoleFormat format = ConsoleFormat.TEXT;

        public ConsoleFormat getFormat() {
            return this.format;
        }

        public void setFormat(ConsoleFormat format) {
            this.format = format;
        }
    }

    /** Enrichment settings. */
    public static class Enrich {

        /** The most processes whose /proc facts are cached. */
        @Min(1)
        @Max(1_000_000)
        private int cacheSize = 4096;

        /** How long a process's /proc facts are cached, also after it exited. */
        @NotNull
        @DurationMin(millis = 1)
        private Duration cacheTtl = Duration.ofMinutes(5);

        /** Where procfs is mounted. */
        @NotNull
        private Path procRoot = Path.of("/proc");

        /** The passwd-format file user names are read from. */
        @NotNull
        private Path passwdFile = Path.of("/etc/passwd");

        public int getCacheSize() {
            return this.cacheSize;
        }

        public void setCacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
        }

        public Duration getCacheTtl() {
            return this.cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Path getProcRoot() {
            return this.procRoot;
        }

        public void setProcRoot(Path procRoot) {
            this.procRoot = procRoot;
        }

        public Path getPasswdFile() {
            return this.passwdFile;
        }

        public void setPasswdFile(Path passwdFile) {
            this.passwdFile = passwdFile;
        }
    }

    /** Filter settings; an empty include list lets everything through. */
    public static class Filter {

        /** Ports of which an event must have one, at either end. */
        private List<@NotNull @Min(FilterRules.MIN_PORT) @Max(FilterRules.MAX_PORT) Integer> includePorts =
                new ArrayList<>();

        /** Ports of which an event must have none, at either end. */
        private List<@NotNull @Min(FilterRules.MIN_PORT) @Max(FilterRules.MAX_PORT) Integer> excludePorts =
                new ArrayList<>();

        /** Networks (CIDR, IPv4 or IPv6) one of which must hold the event's peer address. */
        private List<@NotNull Cidr> includeCidrs = new ArrayList<>();

        /** Networks (CIDR, IPv4 or IPv6) none of which may hold the event's peer address. */
        private List<@NotNull Cidr> excludeCidrs = new ArrayList<>();

        /** Process names (full name or kernel comm) of which an event must have one. */
        private List<@NotBlank String> includeProcesses = new ArrayList<>();

        /** Process names (full name or kernel comm) of which an event must have none. */
        private List<@NotBlank String> excludeProcesses = new ArrayList<>();

        /** Whether to leave out the tracer's own connections. */
        private boolean excludeSelf = true;

        /** Whether to leave out the Wazuh agent's connections to its manager. */
        private boolean excludeWazuhAgent = true;

        /** Command names of the Wazuh agent's processes. */
        private List<@NotBlank String> wazuhAgentProcesses = new ArrayList<>(List.of("wazuh-agentd", "agent-auth"));

        /** The Wazuh manager's ports (events and enrollment). */
        private List<@NotNull @Min(FilterRules.MIN_PORT) @Max(FilterRules.MAX_PORT) Integer> wazuhManagerPorts =
                new ArrayList<>(List.of(1514, 1515));

        public List<Integer> getIncludePorts() {
            return this.includePorts;
        }

        public void setIncludePorts(List<Integer> includePorts) {
            this.includePorts = includePorts;
        }

        public List<Integer> getExcludePorts() {
            return this.excludePorts;
        }

        public void setExcludePorts(List<Integer> excludePorts) {
            this.excludePorts = excludePorts;
        }

        public List<Cidr> getIncludeCidrs() {
            return this.includeCidrs;
        }

        public void setIncludeCidrs(List<Cidr> includeCidrs) {
            this.includeCidrs = includeCidrs;
        }

        public List<Cidr> getExcludeCidrs() {
            return this.excludeCidrs;
        }

        public void setExcludeCidrs(List<Cidr> excludeCidrs) {
            this.excludeCidrs = excludeCidrs;
        }

        public List<String> getIncludeProcesses() {
            return this.includeProcesses;
        }

        public void setIncludeProcesses(List<String> includeProcesses) {
            this.includeProcesses = includeProcesses;
        }

        public List<String> getExcludeProcesses() {
            return this.excludeProcesses;
        }

        public void setExcludeProcesses(List<String> excludeProcesses) {
            this.excludeProcesses = excludeProcesses;
        }

        public boolean isExcludeSelf() {
            return this.excludeSelf;
        }

        public void setExcludeSelf(boolean excludeSelf) {
            this.excludeSelf = excludeSelf;
        }

        public boolean isExcludeWazuhAgent() {
            return this.excludeWazuhAgent;
        }

        public void setExcludeWazuhAgent(boolean excludeWazuhAgent) {
            this.excludeWazuhAgent = excludeWazuhAgent;
        }

        public List<String> getWazuhAgentProcesses() {
            return this.wazuhAgentProcesses;
        }

        public void setWazuhAgentProcesses(List<String> wazuhAgentProcesses) {
            this.wazuhAgentProcesses = wazuhAgentProcesses;
        }

        public List<Integer> getWazuhManagerPorts() {
            return this.wazuhManagerPorts;
        }

        public void setWazuhManagerPorts(List<Integer> wazuhManagerPorts) {
            this.wazuhManagerPorts = wazuhManagerPorts;
        }
    }

    /** Health event settings. */
    public static class Health {

        /** How often a health event is sent after the one at start. */
        @NotNull
        @DurationMin(seconds = 1)
        private Duration interval = Duration.ofSeconds(60);

        public Duration getInterval() {
            return this.interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** Kernel event source settings; unset values take the source's defaults. */
    public static class Kernel {

        /** Size of the kernel ring buffer in bytes, a power of two and a multiple of the page size. */
        @Min(4096)
        private @Nullable Integer ringBufferBytes;

        /** How long the consumer waits for a wake-up before draining the ring buffer anyway. */
        @DurationMin(millis = 1)
        private @Nullable Duration pollTimeout;

        public @Nullable Integer getRingBufferBytes() {
            return this.ringBufferBytes;
        }

        public void setRingBufferBytes(@Nullable Integer ringBufferBytes) {
            this.ringBufferBytes = ringBufferBytes;
        }

        public @Nullable Duration getPollTimeout() {
            return this.pollTimeout;
        }

        public void setPollTimeout(@Nullable Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }
    }
}
