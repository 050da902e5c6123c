package io.tcpwatch.dashboards.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeRangeTests {

    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"5000, 100ms", "50000, 1s", "50001, 5s", "3000000, 1m", "3000001, 5m", "3600000, 5m",
        "86400000, 30m", "540000000, 3h", "540000001, 12h", "604800000, 12h", "2592000000, 1d"})
    void autoIntervalIsTheShortestRoundIntervalGivingAtMostFiftyBars(long millis, String interval) {
        TimeRange range = new TimeRange(START, START.plus(Duration.ofMillis(millis)));

        assertThat(range.autoInterval()).isEqualTo(interval);
    }

    @Test
    void rangeMustEndAfterItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeRange(START, START))
                .withMessage("time range start [2026-12-04T00:00:00Z] must be before its end [2026-12-04T00:00:00Z]");
    }

}
