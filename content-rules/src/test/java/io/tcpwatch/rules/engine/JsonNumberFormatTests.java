package io.tcpwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Non-integer JSON numbers are stored as C's and Java's {@code %f} print them: six places, rounded. */
class JsonNumberFormatTests {

    private static final int SAMPLES = 200_000;

    @Test
    void nonIntegerNumbersGetSixDecimalPlacesRoundedHalfUp() {
        assertThat(JsonDecoder.sixDecimals(0.1)).isEqualTo("0.100000");
        assertThat(JsonDecoder.sixDecimals(1.0000005)).isEqualTo("1.000001");
        assertThat(JsonDecoder.sixDecimals(-2.5)).isEqualTo("-2.500000");
        assertThat(JsonDecoder.sixDecimals(1.0e20 + 0.5)).isEqualTo("100000000000000000000.000000");
    }

    @Test
    void aNegativeNumberThatRoundsToZeroKeepsItsSign() {
        assertThat(JsonDecoder.sixDecimals(-0.0000001)).isEqualTo("-0.000000");
    }

    @Test
    void anInfiniteNumberPrintsAsTheFormatterPrintsIt() {
        assertThat(JsonDecoder.sixDecimals(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }

    @Test
    void sixDecimalsPrintsWhatTheFormatterPrintsForRandomDoubles() {
        Random random = new Random(7);
        for (int i = 0; i < SAMPLES; i++) {
            double d = switch (i % 3) {
                case 0 -> random.nextDouble() * 1000 - 500;
                case 1 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextGaussian() * 1e-5;
            };
            if (Double.isFinite(d)) {
                assertThat(JsonDecoder.sixDecimals(d)).as("%s", d).isEqualTo(String.format(Locale.ROOT, "%f", d));
            }
        }
    }
}
