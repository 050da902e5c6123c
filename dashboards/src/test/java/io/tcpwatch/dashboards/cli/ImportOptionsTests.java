package io.tcpwatch.dashboards.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportOptionsTests {

    @Test
    void everyOptionIsRead() {
        ImportOptions options = ImportOptions.parse(new String[] {"--url", "https://dash:5601", "--file", "x.ndjson",
            "--user", "admin:pw:with:colons", "--ca-cert", "ca.pem", "--timeout", "5", "--tenant", "global"}, Map.of());

        assertThat(options).isEqualTo(new ImportOptions(URI.create("https://dash:5601"), Path.of("x.ndjson"), "admin",
                "pw:with:colons", Path.of("ca.pem"), false, Duration.ofSeconds(5), "global"));
    }

    @Test
    void passwordComesFromTheEnvironmentWhenTheUserHasNone() {
        ImportOptions options = ImportOptions.parse(new String[] {"--url", "http://127.0.0.1:5601", "--user", "admin",
            "--insecure"}, Map.of(ImportOptions.PASSWORD_VARIABLE, "from-env"));

        assertThat(options.password()).isEqualTo("from-env");
        assertThat(options.insecure()).isTrue();
    }

    @Test
    void defaultsAreTheBundledFileNoUserAndSixtySeconds() {
        ImportOptions options = ImportOptions.parse(new String[] {"--url", "http://127.0.0.1:5601"}, Map.of());

        assertThat(options).isEqualTo(new ImportOptions(URI.create("http://127.0.0.1:5601"), null, null, null, null,
                false, Duration.ofSeconds(60), null));
    }

    @Nested
    class Invalid {

        @Test
        void missingUrl() {
            assertUsage(new String[] {"--insecure"}, "missing --url");
        }

        @Test
        void urlWithoutScheme() {
            assertUsage(new String[] {"--url", "dash:5601"},
                    "--url [dash:5601] must be http://HOST[:PORT] or https://HOST[:PORT]");
        }

        @Test
        void optionWithoutValue() {
            assertUsage(new String[] {"--url"}, "--url needs a value");
        }

        @Test
        void optionFollowedByAnotherOption() {
            assertUsage(new String[] {"--url", "http://h", "--file", "--insecure"}, "--file needs a value");
        }

        @Test
        void unknownArgument() {
            assertUsage(new String[] {"--url", "http://h", "--verbose"}, "unknown argument [--verbose]");
        }

        @Test
        void caCertWithInsecure() {
            assertUsage(new String[] {"--url", "http://h", "--ca-cert", "ca.pem", "--insecure"},
                    "--ca-cert and --insecure exclude each other");
        }

        @Test
        void userWithoutPasswordAnywhere() {
            assertUsage(new String[] {"--url", "http://h", "--user", "admin"},
                    "--user [admin] has no password: give USER:PASSWORD or set TCPWATCH_DASHBOARD_PASSWORD");
        }

        @Test
        void emptyUserName() {
            assertUsage(new String[] {"--url", "http://h", "--user", ":pw"}, "--user has an empty user name");
        }

        @Test
        void timeoutNotANumber() {
            assertUsage(new String[] {"--url", "http://h", "--timeout", "5s"},
                    "--timeout [5s] is not a whole number of seconds");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "3601", "-1"})
        void timeoutOutOfRange(String seconds) {
            assertUsage(new String[] {"--url", "http://h", "--timeout", seconds},
                    "--timeout [" + seconds + "] must be between 1 and 3600 seconds");
        }

        private void assertUsage(String[] args, String message) {
            assertThatExceptionOfType(UsageException.class).isThrownBy(() -> ImportOptions.parse(args, Map.of()))
                    .withMessage(message);
        }

    }

    @Nested
    class Valid {

        @ParameterizedTest
        @ValueSource(ints = {1, 3600})
        void timeoutAtTheBounds(int seconds) {
            ImportOptions options = ImportOptions.parse(new String[] {"--url", "http://h", "--timeout",
                Integer.toString(seconds)}, Map.of());

            assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(seconds));
        }

    }

}
