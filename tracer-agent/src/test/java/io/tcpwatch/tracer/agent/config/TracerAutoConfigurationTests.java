package io.tcpwatch.tracer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatException;

import io.tcpwatch.tracer.agent.QuietEventSource;
import io.tcpwatch.tracer.agent.TracerAgentApplication;
import io.tcpwatch.tracer.agent.daemon.HookSet;
import io.tcpwatch.tracer.agent.format.JsonEventFormatter;
import io.tcpwatch.tracer.agent.format.LegacyEventFormatter;
import io.tcpwatch.tracer.agent.format.TextEventFormatter;
import io.tcpwatch.tracer.agent.sink.ConsoleSink;
import io.tcpwatch.tracer.agent.sink.EventSink;
import io.tcpwatch.tracer.agent.sink.JsonFileSink;
import io.tcpwatch.tracer.agent.sink.WazuhQueueSink;
import io.tcpwatch.tracer.kernel.BpfEventSource;
import io.tcpwatch.tracer.kernel.EventSource;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TracerAutoConfigurationTests {

    @TempDir
    Path temp;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TracerAutoConfiguration.class))
            .withUserConfiguration(QuietSourceConfiguration.class);

    private ApplicationContextRunner withoutAgent() {
        return this.runner.withPropertyValues("tcpwatch.wazuh.socket=" + this.temp.resolve("no-agent"));
    }

    @Nested
    class ValidPorts {

        @ParameterizedTest(name = "port {0} starts")
        @ValueSource(ints = {1, 65_535})
        void portsFromOneTo65535Start(int port) {
            withoutAgent().withPropertyValues("tcpwatch.filter.exclude-ports=" + port)
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class InvalidConfiguration {

        static Stream<Arguments> invalid() {
            return Stream.of(
                    Arguments.of("tcpwatch.filter.exclude-ports=0", "tcpwatch.filter.excludePorts[0]",
                            "must be greater than or equal to 1"),
                    Arguments.of("tcpwatch.filter.include-ports=65536", "tcpwatch.filter.includePorts[0]",
                            "must be less than or equal to 65535"),
                    Arguments.of("tcpwatch.filter.wazuh-manager-ports=1514,70000",
                            "tcpwatch.filter.wazuhManagerPorts[1]", "must be less than or equal to 65535"),
                    Arguments.of("tcpwatch.health.interval=0s", "tcpwatch.health.interval",
                            "must be longer than or equal to 1 second"),
                    Arguments.of("tcpwatch.sink.buffer-capacity=0", "tcpwatch.sink.bufferCapacity",
                            "must be greater than or equal to 1"),
                    Arguments.of("tcpwatch.enrich.cache-size=0", "tcpwatch.enrich.cacheSize",
                            "must be greater than or equal to 1"),
                    Arguments.of("tcpwatch.enrich.cache-ttl=0s", "tcpwatch.enrich.cacheTtl",
                            "must be longer than or equal to 1 milli"),
                    Arguments.of("tcpwatch.kernel.ring-buffer-bytes=4095", "tcpwatch.kernel.ringBufferBytes",
                            "must be greater than or equal to 4096"),
                    Arguments.of("tcpwatch.filter.exclude-cidrs=10.0.0.0/33", "tcpwatch.filter.exclude-cidrs",
                            "cidr [10.0.0.0/33] has prefix length [33]; expected 0 to 32"),
                    Arguments.of("tcpwatch.format=xml", "tcpwatch.format", "No enum constant"),
                    Arguments.of("tcpwatch.sink.type=syslog", "tcpwatch.sink.type", "No enum constant"));
        }

        @ParameterizedTest(name = "{0} is refused")
        @MethodSource("invalid")
        void badValueStopsStartUpNamingTheProperty(String property, String name, String reason,
                CapturedOutput output) {
            SpringApplicationBuilder application = new SpringApplicationBuilder(TracerAgentApplication.class);
            String socket = "--tcpwatch.wazuh.socket=" + TracerAutoConfigurationTests.this.temp.resolve("no-agent");

            assertThatException().isThrownBy(
                    () -> application.run(socket, "--spring.main.keep-alive=false", "--" + property).close());

            assertThat(output.getOut()).contains("APPLICATION FAILED TO START").contains("Property: " + name + "\n")
                    .containsPattern("Reason: [^\n]*" + Pattern.quote(reason));
        }
    }

    @Test
    void autoSinkIsTheWazuhSinkWhenTheAgentSocketExists() throws Exception {
        Path socket = this.temp.resolve("queue");
        try (AFUNIXDatagramChannel agent = AFUNIXDatagramChannel.open()) {
            agent.bind(AFUNIXSocketAddress.of(socket));

            this.runner.withPropertyValues("tcpwatch.wazuh.socket=" + socket).run(context -> {
                assertThat(context.getBean(EventSink.class)).isInstanceOf(WazuhQueueSink.class);
                assertThat(context.getBean(EventSink.class).description()).isEqualTo("Wazuh agent socket " + socket);
                assertThat(context.getBean(JsonEventFormatter.class)).isNotNull();
            });
        }
    }

    @Test
    void autoSinkIsTheConsoleWithoutAnAgentAndWritesText() {
        withoutAgent().run(context -> {
            assertThat(context.getBean(EventSink.class)).isInstanceOf(ConsoleSink.class);
            assertThat(context.getBean(TextEventFormatter.class)).isNotNull();
        });
    }

    @Test
    void jsonSinkWritesTheConfiguredFileInTheConfiguredFormat() {
        Path file = this.temp.resolve("events.json");
        withoutAgent().withPropertyValues("tcpwatch.sink.type=json", "tcpwatch.json.file=" + file,
                "tcpwatch.format=legacy").run(context -> {
                    assertThat(context.getBean(EventSink.class).description()).isEqualTo("JSON file " + file);
                    assertThat(context.getBean(EventSink.class)).isInstanceOf(JsonFileSink.class);
                    assertThat(context.getBean(LegacyEventFormatter.class)).isNotNull();
                });
    }

    @Test
    void sinkDefinedByTheApplicationReplacesTheDefault() {
        withoutAgent().withUserConfiguration(OwnSinkConfiguration.class)
                .run(context -> assertThat(context.getBean(EventSink.class).description())
                        .isEqualTo("console (own)"));
    }

    @Test
    void withoutAnEventSourceStartUpFailsWithExitCode3() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TracerAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(BpfEventSource.class))
                .withPropertyValues("tcpwatch.wazuh.socket=" + this.temp.resolve("no-agent"))
                .run(context -> {
                    assertThat(context).getFailure().rootCause().isInstanceOf(BpfUnavailableException.class)
                            .hasMessageStartingWith("eBPF is unavailable, so there is nothing to trace: ");
                    Throwable root = context.getStartupFailure();
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(((BpfUnavailableException) root).getExitCode()).isEqualTo(3);
                });
    }

    @Test
    void sourceOtherThanTheBpfOneHasTheHooksItsDescriptionNamesAndNoRecursionMisses() {
        EventSource source = QuietEventSource.empty();

        assertThat(TracerAutoConfiguration.hooks(source)).isEqualTo(
                new HookSet("tp_btf/inet_sock_set_state,tp_btf/sys_exit", "fexit/inet_csk_accept"));
        assertThat(TracerAutoConfiguration.recursionMisses(source).getAsLong()).isZero();
    }

    @Test
    void ringBufferSizeThatIsNotAPowerOfTwoIsRefusedNamingTheProperty() {
        TracerProperties properties = new TracerProperties();
        properties.getKernel().setRingBufferBytes(3 << 20);

        assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
                .isThrownBy(() -> TracerAutoConfiguration.BpfSourceConfiguration.sourceOptions(properties))
                .withMessage("Property tcpwatch.kernel.ring-buffer-bytes with value '3145728' is invalid:"
                        + " expected a power of two");
    }

    @Test
    void sourceOptionsExcludeTheTracersOwnPidAndKeepTheSourceDefaults() {
        TracerProperties properties = new TracerProperties();
        properties.getKernel().setPollTimeout(Duration.ofMillis(20));

        BpfEventSource.Options options = TracerAutoConfiguration.BpfSourceConfiguration.sourceOptions(properties);

        assertThat(options.excludedPids()).containsExactly(Math.toIntExact(ProcessHandle.current().pid()));
        assertThat(options.pollTimeout()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.ringBufferBytes()).isEqualTo(BpfEventSource.Options.defaults().ringBufferBytes());
    }

    @Configuration(proxyBeanMethods = false)
    static class QuietSourceConfiguration {

        @Bean
        EventSource quietEventSource() {
            return QuietEventSource.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSinkConfiguration {

        @Bean
        EventSink ownSink() {
            return new ConsoleSink(new ByteArrayOutputStream(), "own", 4, Duration.ZERO);
        }
    }
}
