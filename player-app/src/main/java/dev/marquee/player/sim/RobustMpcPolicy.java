package dev.marquee.player.sim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Baseline: robust MPC (Yin et al., SIGCOMM 2015) as in the Pensieve code: over the next 5 chunks, try
 * every rung sequence on a throughput forecast = harmonic mean of the last 5 chunks divided by
 * (1 + the largest relative forecast error of the last 5), score it with the linear QoE, take the first
 * rung of the best.
 */
public final class RobustMpcPolicy implements SimPolicy {

    /** Chunks planned ahead. */
    public static final int HORIZON = 5;
    /** Chunks in the harmonic mean and in the error window. */
    public static final int WINDOW = 5;

    private static final double KILO = 1000;
    private static final double BITS_PER_BYTE = 8;

    private SessionSetup setup;
    private final Deque<Double> errors = new ArrayDeque<>();
    private double lastForecastKbps = Double.NaN;

    @Override
    public void start(SessionSetup setup) {
        this.setup = setup;
        errors.clear();
        lastForecastKbps = Double.NaN;
    }

    @Override
    public int decide(DecisionState state) {
        double[] tput = state.throughputKbps();
        int lastRung = Math.clamp(state.lastRung(), 0, setup.rungs() - 1);
        if (tput.length == 0) {
            return lastRung;
        }
        double latest = tput[tput.length - 1];
        double error = Double.isNaN(lastForecastKbps) || latest <= 0 ? 0 : Math.abs(lastForecastKbps - latest) / latest;
        errors.addLast(error);
        while (errors.size() > WINDOW) {
            errors.removeFirst();
        }
        double harmonic = ThroughputRulePolicy.harmonicMean(tput, WINDOW);
        if (harmonic <= 0) {
            return 0;
        }
        lastForecastKbps = harmonic;
        double maxError = errors.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double forecastKbps = harmonic / (1 + maxError);
        int horizon = Math.clamp(setup.nChunks() - state.chunkIndex(), 1, HORIZON);
        Search search = new Search(setup, state.chunkIndex(), forecastKbps, horizon);
        search.run(0, state.bufferS(), lastRung, 0, lastRung);
        return search.bestFirst;
    }

    /** Exhaustive search over rung sequences. */
    private static final class Search {
        private final SessionSetup setup;
        private final int firstChunk;
        private final double forecastKbps;
        private final int horizon;
        double bestReward = Double.NEGATIVE_INFINITY;
        int bestFirst;

        Search(SessionSetup setup, int firstChunk, double forecastKbps, int horizon) {
            this.setup = setup;
            this.firstChunk = firstChunk;
            this.forecastKbps = forecastKbps;
            this.horizon = horizon;
        }

        void run(int depth, double bufferS, int lastRung, double reward, int first) {
            if (depth == horizon) {
                if (reward >= bestReward) {
                    bestReward = reward;
                    bestFirst = first;
                }
                return;
            }
            long[] ladder = setup.ladderKbps();
            for (int r = 0; r < ladder.length; r++) {
                long[] sizes = setup.chunkSizesBytes()[r];
                double sizeKbit = sizes[Math.min(firstChunk + depth, sizes.length - 1)] * BITS_PER_BYTE / KILO;
                double downloadS = sizeKbit / forecastKbps;
                double rebufferS = Math.max(downloadS - bufferS, 0);
                double nextBufferS = Math.max(bufferS - downloadS, 0) + setup.chunkLenS();
                double gain = ladder[r] / KILO - Simulator.REBUFFER_PENALTY_PER_S * rebufferS
                        - Math.abs(ladder[r] - ladder[lastRung]) / KILO;
                run(depth + 1, nextBufferS, r, reward + gain, depth == 0 ? r : first);
            }
        }
    }
}
