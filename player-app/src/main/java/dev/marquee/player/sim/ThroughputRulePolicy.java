package dev.marquee.player.sim;

/** Baseline: the highest rung not above the harmonic mean of the last chunks' throughput. */
public final class ThroughputRulePolicy implements SimPolicy {

    /** Chunks in the harmonic mean (the usual "rate-based" baseline of the MPC paper). */
    public static final int WINDOW = 5;

    private long[] ladderKbps;

    @Override
    public void start(SessionSetup setup) {
        ladderKbps = setup.ladderKbps();
    }

    @Override
    public int decide(DecisionState state) {
        double estimate = harmonicMean(state.throughputKbps(), WINDOW);
        int rung = 0;
        for (int r = 0; r < ladderKbps.length; r++) {
            if (ladderKbps[r] <= estimate) {
                rung = r;
            }
        }
        return rung;
    }

    /** Harmonic mean of the last {@code window} positive values, 0 when there are none. */
    static double harmonicMean(double[] values, int window) {
        double inverseSum = 0;
        int count = 0;
        for (int i = Math.max(0, values.length - window); i < values.length; i++) {
            if (values[i] > 0) {
                inverseSum += 1 / values[i];
                count++;
            }
        }
        return count == 0 ? 0 : count / inverseSum;
    }
}
