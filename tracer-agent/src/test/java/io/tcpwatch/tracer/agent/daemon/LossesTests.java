package io.tcpwatch.tracer.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossesTests {

    @Test
    void totalAddsEveryCauseOfLossButNotTheOwnerMisses() {
        Losses losses = new Losses(1, 20, 300, 4000, 50000);

        assertThat(losses.total()).isEqualTo(4321);
    }

    @Test
    void descriptionNamesEachCauseWithItsCount() {
        Losses losses = new Losses(1, 20, 300, 4000, 50000);

        assertThat(losses.describe())
                .isEqualTo("4321 lost (ring buffer 1, recursion misses 20, decode errors 300, sink 4000)");
    }
}
