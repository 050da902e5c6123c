package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.tcpwatch.tracer.kernel.BpfEventSource.Options;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptionsTests {

    private static final Duration POLL = Duration.ofMillis(50);

    @Test
    void defaultsAreAnEightMibRingAFiftyMillisecondPollAndNoExclusion() {
        assertThat(Options.defaults()).isEqualTo(new Options(8 * 1024 * 1024, Duration.ofMillis(50), Set.of()));
    }

    @Nested
    class Valid {

        static Stream<Arguments> options() {
            return Stream.of(Arguments.of(4096, Duration.ofMillis(1)), Arguments.of(1 << 30, Duration.ofSeconds(10)),
                    Arguments.of(8192, Duration.ofMillis(20)));
        }

        @ParameterizedTest
        @MethodSource("options")
        void boundaryValuesAreAccepted(int ringBufferBytes, Duration pollTimeout) {
            Options options = new Options(ringBufferBytes, pollTimeout, Set.of(1));

            assertThat(options.ringBufferBytes()).isEqualTo(ringBufferBytes);
            assertThat(options.pollTimeout()).isEqualTo(pollTimeout);
        }

        @Test
        void sixtyFourExcludedPidsAreAccepted() {
            assertThat(new Options(4096, POLL, pids(64)).excludedPids()).hasSize(64);
        }
    }

    @Nested
    class Invalid {

        static Stream<Arguments> ringSizes() {
            return Stream.of(Arguments.of(2048), Arguments.of(4095), Arguments.of(6144), Arguments.of(0),
                    Arguments.of(-4096), Arguments.of(Integer.MIN_VALUE));
        }

        @ParameterizedTest
        @MethodSource("ringSizes")
        void ringSizeThatIsNotAPowerOfTwoFromAPageIsRejected(int ringBufferBytes) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Options(ringBufferBytes, POLL, Set.of()))
                    .withMessage("'ringBufferBytes' must be a power of two of at least 4096, was " + ringBufferBytes);
        }

        static Stream<Arguments> pollTimeouts() {
            return Stream.of(Arguments.of(Duration.ZERO), Arguments.of(Duration.ofMillis(-1)),
                    Arguments.of(Duration.ofMillis(1).minusNanos(1)),
                    Arguments.of(Duration.ofSeconds(10).plusNanos(1)));
        }

        @ParameterizedTest
        @MethodSource("pollTimeouts")
        void pollTimeoutOutsideItsRangeIsRejected(Duration pollTimeout) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Options(4096, pollTimeout, Set.of()))
                    .withMessage("'pollTimeout' must be from PT0.001S to PT10S, was " + pollTimeout);
        }

        @Test
        void sixtyFiveExcludedPidsAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> new Options(4096, POLL, pids(65)))
                    .withMessage("'excludedPids' holds at most 64 pids, was 65");
        }

        @Test
        void pidZeroIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> new Options(4096, POLL, Set.of(0)))
                    .withMessage("'excludedPids' must hold positive pids, had 0");
        }

        @Test
        void nullPollTimeoutIsRejected() {
            assertThatNullPointerException().isThrownBy(() -> new Options(4096, null, Set.of()))
                    .withMessage("'pollTimeout' must not be null");
        }
    }

    private static Set<Integer> pids(int count) {
        return IntStream.rangeClosed(1, count).boxed().collect(Collectors.toSet());
    }
}
