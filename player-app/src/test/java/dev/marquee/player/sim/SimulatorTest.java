package dev.marquee.player.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatorTest {

    /** 8/0.95 Mbit/s: exactly 1 MB/s of payload after the 95 % efficiency. */
    private static final double ONE_MEGABYTE_PER_S_MBPS = 8 / 0.95;
    private static final double EPSILON = 1e-9;

    /** A one-second trace at 1 MB/s of payload: every download longer than a second wraps around it. */
    private static final Trace ONE_SECOND = new Trace("one-second", new double[] {0, 1},
            new double[] {ONE_MEGABYTE_PER_S_MBPS, ONE_MEGABYTE_PER_S_MBPS});

    /** Plays a fixed rung sequence and records what it was shown. */
    private static final class Scripted implements SimPolicy {
        private final int[] rungs;
        final List<DecisionState> seen = new ArrayList<>();

        Scripted(int... rungs) {
            this.rungs = rungs;
        }

        @Override
        public void start(SessionSetup setup) {
            seen.clear();
        }

        @Override
        public int decide(DecisionState state) {
            seen.add(state);
            return rungs[state.chunkIndex()];
        }
    }

    @Test
    void scoresATinySessionAsComputedByHand() {
        // two rungs (1 and 2 Mbit/s), three half-second chunks of 0.5 MB and 1 MB
        var setup = new SessionSetup(new long[] {1000, 2000}, 0.5, 3,
                new long[][] {{500_000, 500_000, 500_000}, {1_000_000, 1_000_000, 1_000_000}});
        var policy = new Scripted(1, 0, 1);

        SessionResult result = Simulator.simulate(ONE_SECOND, setup, policy);

        // chunk 0, rung 1 (fixed): 1 MB = 1.00 s + 0.08 s RTT; its start-up wait is not scored; buffer 0.5 s
        // chunk 1, rung 0: 0.5 s + 0.08 s = 0.58 s > 0.5 s buffer: stall 0.08 s; QoE 1 − 4.3×0.08 − |1−2|
        // chunk 2, rung 1: 1.08 s with 0.5 s buffer: stall 0.58 s;            QoE 2 − 4.3×0.58 − |2−1|
        double expected = (1 - 4.3 * 0.08 - 1) + (2 - 4.3 * 0.58 - 1);
        assertThat(result.qoe()).isCloseTo(expected, within(EPSILON));
        assertThat(result.rebufferS()).isCloseTo(0.66, within(EPSILON));
        assertThat(result.avgBitrateKbps()).isCloseTo(1500, within(EPSILON));
        assertThat(result.switches()).isEqualTo(2);
        assertThat(result.rungs()).containsExactly(1, 0, 1);
        assertThat(result.rebufferRatio()).isCloseTo(0.66 / (0.66 + 2 * 0.5), within(EPSILON));

        DecisionState first = policy.seen.getFirst();
        assertThat(first.chunkIndex()).isEqualTo(1);
        assertThat(first.lastRung()).isEqualTo(Simulator.FIRST_RUNG);
        assertThat(first.bufferS()).isCloseTo(0.5, within(EPSILON));
        assertThat(first.downloadTimeS()).containsExactly(new double[] {1.08}, within(EPSILON));
        assertThat(first.throughputKbps()).containsExactly(new double[] {8000 / 1.08}, within(EPSILON));
        assertThat(first.nextChunkSizesBytes()).containsExactly(500_000, 1_000_000);
    }

    @Test
    void pausesInHalfSecondStepsWhileTheBufferHoldsMoreThanSixtySeconds() {
        // 61.2 s chunks: after chunk 0 the buffer holds 61.2 s, so downloading waits ceil(1.2/0.5) × 0.5 s
        var setup = new SessionSetup(new long[] {1000, 2000}, 61.2, 2,
                new long[][] {{100_000, 100_000}, {200_000, 200_000}});
        var policy = new Scripted(1, 0);
        Simulator.simulate(ONE_SECOND, setup, policy);
        assertThat(policy.seen.getFirst().bufferS()).isCloseTo(61.2 - 1.5, within(EPSILON));
    }

    @Test
    void theTraceKeepsRunningWhileDownloadsPause() {
        // 3 MB/s of payload in the first second of each 2 s period, 1 MB/s in the second
        var trace = new Trace("alternating", new double[] {0, 1, 2},
                new double[] {0, 3 * ONE_MEGABYTE_PER_S_MBPS, ONE_MEGABYTE_PER_S_MBPS});
        var setup = new SessionSetup(new long[] {1000, 2000}, 60.5, 3,
                new long[][] {{1_000_000, 1_000_000, 1_000_000}, {1_000_000, 1_000_000, 1_000_000}});
        var policy = new Scripted(1, 0, 0);
        Simulator.simulate(trace, setup, policy);
        // chunk 0: 1 MB at 3 MB/s ends at t = 1/3 s; the buffer then holds 60.5 s, so a 0.5 s pause: t = 5/6 s
        assertThat(policy.seen.getFirst().bufferS()).isCloseTo(60.0, within(EPSILON));
        // chunk 1: 1/6 s at 3 MB/s (0.5 MB), then 0.5 s at 1 MB/s; had the trace stood still it would take 1/3 s
        assertThat(policy.seen.get(1).downloadTimeS())
                .containsExactly(new double[] {1.0 / 3 + 0.08, 2.0 / 3 + 0.08}, within(EPSILON));
    }
}
