package dev.marquee.player.sim;

/**
 * Baseline: buffer-based rate selection (BBA, Huang et al., SIGCOMM 2014) as in the Pensieve code: the
 * lowest rung below a reservoir, the highest above reservoir + cushion, linear in between.
 */
public final class BufferBasedPolicy implements SimPolicy {

    /** Below this buffer the lowest rung, seconds (the reference figures' 5 s). */
    public static final double RESERVOIR_S = 5.0;
    /** Buffer span over which the rung rises from lowest to highest, seconds (the reference's 10 s). */
    public static final double CUSHION_S = 10.0;

    private int rungs;

    @Override
    public void start(SessionSetup setup) {
        rungs = setup.rungs();
    }

    @Override
    public int decide(DecisionState state) {
        double b = state.bufferS();
        if (b < RESERVOIR_S) {
            return 0;
        }
        if (b >= RESERVOIR_S + CUSHION_S) {
            return rungs - 1;
        }
        return (int) ((rungs - 1) * (b - RESERVOIR_S) / CUSHION_S);
    }
}
