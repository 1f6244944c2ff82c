package dev.marquee.player.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EwmaBandwidthEstimatorTest {

    private static final long SECOND_US = 1_000_000;

    /** One segment of {@code seconds} transferred at {@code bps}. */
    private static void feed(BandwidthEstimator estimator, long bps, double seconds) {
        estimator.sample(Math.round(seconds * SECOND_US), Math.round(bps * seconds / 8));
    }

    @Test
    void usesTheDefaultUntilEnoughBytesWereSampled() {
        var estimator = new EwmaBandwidthEstimator(500_000);
        feed(estimator, 8_000_000, 0.1); // 100 kB: below the 128 kB needed
        assertThat(estimator.hasGoodEstimate()).isFalse();
        assertThat(estimator.estimateBps()).isEqualTo(500_000);
        feed(estimator, 8_000_000, 0.1);
        assertThat(estimator.hasGoodEstimate()).isTrue();
        assertThat(estimator.estimateBps()).isCloseTo(8_000_000, within(1_000L));
    }

    @Test
    void ignoresTransfersTooSmallToMeasureBandwidth() {
        var estimator = new EwmaBandwidthEstimator();
        for (int i = 0; i < 20; i++) {
            feed(estimator, 4_000_000, 2.0);
        }
        estimator.sample(10_000, 1_000); // 1 kB in 10 ms: latency, not bandwidth
        assertThat(estimator.estimateBps()).isCloseTo(4_000_000, within(1_000L));
    }

    @Test
    void adaptsDownQuickly() {
        var estimator = new EwmaBandwidthEstimator();
        for (int i = 0; i < 10; i++) {
            feed(estimator, 8_000_000, 2.0);
        }
        feed(estimator, 1_000_000, 4.0); // one slow segment, a 8x drop
        // the fast average (2 s half-life) has moved 3/4 of the way down after 4 s of slow transfer
        assertThat(estimator.estimateBps()).isLessThan(3_000_000);
    }

    @Test
    void adaptsUpSlowly() {
        var estimator = new EwmaBandwidthEstimator();
        for (int i = 0; i < 10; i++) {
            feed(estimator, 1_000_000, 4.0);
        }
        feed(estimator, 8_000_000, 0.5); // one fast segment
        assertThat(estimator.estimateBps()).isLessThan(1_600_000);
        for (int i = 0; i < 40; i++) { // 20 s more: four half-lives of the slow average
            feed(estimator, 8_000_000, 0.5);
        }
        assertThat(estimator.estimateBps()).isGreaterThan(7_000_000); // a lasting rise is believed
    }

    @Test
    void forgetsEverythingOnReset() {
        var estimator = new EwmaBandwidthEstimator(700_000);
        feed(estimator, 5_000_000, 2.0);
        estimator.reset();
        assertThat(estimator.hasGoodEstimate()).isFalse();
        assertThat(estimator.estimateBps()).isEqualTo(700_000);
    }
}
