package io.tcpwatch.dashboards.picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class GeohashTests {

    @Test
    void cellDecodesToItsCentre() {
        // "9y" spans latitude 33.75..39.375 and longitude -101.25..-90.
        double[] centre = Geohash.centre("9y");

        assertThat(centre[0]).isCloseTo(36.5625, within(1e-9));
        assertThat(centre[1]).isCloseTo(-95.625, within(1e-9));
    }

    @Test
    void characterOutsideTheAlphabetIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Geohash.centre("9a"))
                .withMessage("geohash [9a] holds [a]");
    }

}
