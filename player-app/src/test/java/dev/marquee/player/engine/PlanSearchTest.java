package dev.marquee.player.engine;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlanSearchTest {

    private static final double[] BITRATE_MBPS = {0.3, 0.75, 1.2, 1.85, 2.85, 4.3};
    private static final double SEGMENT_S = 4;
    private static final double GOAL_S = 60;
    private static final double STALL_PENALTY = 4.3;
    private static final double RESERVE_S = 14;
    private static final double RESERVE_PENALTY = 2;
    private static final int HORIZON = 4;

    private final PlanSearch search = new PlanSearch(BITRATE_MBPS, SEGMENT_S, GOAL_S, STALL_PENALTY);

    /** The best score of every plan that starts with {@code first}, by playing out each sequence (the reference). */
    private static double bestScoreStartingWith(int first, double[] sizesBits, double[] bps, double[] weights,
                                                double bufferS, int lastRung) {
        double best = Double.NEGATIVE_INFINITY;
        int rungs = BITRATE_MBPS.length;
        int plans = (int) Math.pow(rungs, HORIZON - 1);
        for (int p = 0; p < plans; p++) {
            double total = 0;
            for (int s = 0; s < bps.length; s++) {
                double buffer = bufferS;
                double score = 0;
                int last = lastRung;
                int code = p;
                for (int d = 0; d < HORIZON; d++) {
                    int r = d == 0 ? first : code % rungs;
                    if (d > 0) {
                        code /= rungs;
                    }
                    double downloadS = sizesBits[r] / bps[s];
                    score += BITRATE_MBPS[r] - Math.abs(BITRATE_MBPS[r] - BITRATE_MBPS[last])
                            - STALL_PENALTY * Math.max(0, downloadS - buffer);
                    buffer = Math.min(GOAL_S, Math.max(0, buffer - downloadS) + SEGMENT_S);
                    last = r;
                }
                total += weights[s] * (score - RESERVE_PENALTY * Math.max(0, RESERVE_S - buffer));
            }
            best = Math.max(best, total);
        }
        return best;
    }

    @Test
    void choosesTheFirstRungOfTheBestPlanAsAnExhaustiveSearchWould() {
        Random random = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            double[] sizesBits = new double[BITRATE_MBPS.length];
            for (int r = 0; r < sizesBits.length; r++) {
                sizesBits[r] = BITRATE_MBPS[r] * 1e6 * SEGMENT_S * (0.8 + 0.4 * random.nextDouble());
            }
            double nominal = 0.3e6 + random.nextDouble() * 5e6;
            double[] bps = {nominal, nominal / (1 + random.nextDouble())};
            double[] weights = {0.5, 0.5};
            double bufferS = random.nextDouble() * 30;
            int lastRung = random.nextInt(BITRATE_MBPS.length);

            int chosen = search.bestFirstRung(sizesBits, bps, weights, HORIZON, bufferS, lastRung, RESERVE_S,
                    RESERVE_PENALTY, 0);

            double best = Double.NEGATIVE_INFINITY;
            for (int first = 0; first < BITRATE_MBPS.length; first++) {
                best = Math.max(best, bestScoreStartingWith(first, sizesBits, bps, weights, bufferS, lastRung));
            }
            // merging buffers to 0.1 s may cost a plan a few hundredths; never more than a bin's stall per step
            double tolerance = HORIZON * PlanSearch.BUFFER_BIN_S * STALL_PENALTY;
            assertThat(bestScoreStartingWith(chosen, sizesBits, bps, weights, bufferS, lastRung))
                    .as("trial %d", trial).isGreaterThanOrEqualTo(best - tolerance);
        }
    }

    @Test
    void spendsNoBufferOnARungTheLinkCannotCarryWhenTheBufferIsShort() {
        double[] sizesBits = new double[BITRATE_MBPS.length];
        for (int r = 0; r < sizesBits.length; r++) {
            sizesBits[r] = BITRATE_MBPS[r] * 1e6 * SEGMENT_S;
        }
        // 1.5 Mbit/s in both scenarios, 6 s buffered: 1.2 Mbit/s is the highest rung that keeps the buffer
        int chosen = search.bestFirstRung(sizesBits, new double[] {1.5e6, 1.5e6}, new double[] {0.5, 0.5}, HORIZON,
                6, 2, RESERVE_S, RESERVE_PENALTY, 0);
        assertThat(chosen).isLessThanOrEqualTo(2);
    }
}
