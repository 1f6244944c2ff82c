package dev.marquee.player.sim;

/**
 * Baseline: BOLA (Spiteri et al., INFOCOM 2016) the way dash.js's {@code BolaRule} runs it: log
 * utilities; a start-up phase on throughput until the buffer holds two chunks; then the buffer-based
 * BOLA choice on the buffer plus a placeholder buffer, capped by the "BOLA-O" throughput rule against
 * oscillation and by a rebuffer-safety rule. Artificial download delays are not modelled (the
 * simulator's conventions have none); the placeholder shrinks where dash.js would delay instead.
 */
public final class BolaPolicy implements SimPolicy {

    /** Buffer at which BOLA picks the lowest rung, seconds (dash.js MINIMUM_BUFFER_S). */
    public static final double MINIMUM_BUFFER_S = 10;
    /** Buffer at which BOLA picks the highest rung, seconds (dash.js BUFFER_TARGET_S). */
    public static final double BUFFER_TARGET_S = 30;
    /** Share of the recent throughput trusted during start-up (dash.js bandwidthSafetyFactor). */
    public static final double BANDWIDTH_SAFETY_FACTOR = 0.9;
    /** Share of the throughput the buffer-drain check trusts (dash.js REBUFFER_SAFETY_FACTOR). */
    public static final double REBUFFER_SAFETY_FACTOR = 0.5;
    /** Chunks in the harmonic mean of recent throughput (dash.js, video on demand). */
    public static final int THROUGHPUT_WINDOW = 3;
    /** A buffer at or below this means a stall happened, seconds. */
    public static final double EMPTY_BUFFER_S = 0.1;

    private long[] ladderKbps;
    private double[] utilities;
    private double chunkLenS;
    private double gp;
    private double vp;
    private boolean steady;
    private double placeholderS;
    private int lastQuality;

    @Override
    public void start(SessionSetup setup) {
        ladderKbps = setup.ladderKbps();
        chunkLenS = setup.chunkLenS();
        utilities = new double[ladderKbps.length];
        for (int r = 0; r < utilities.length; r++) {
            utilities[r] = Math.log(ladderKbps[r]);
        }
        int top = utilities.length - 1;
        gp = 1 - utilities[0] + (utilities[top] - utilities[0]) / (BUFFER_TARGET_S / MINIMUM_BUFFER_S - 1);
        vp = MINIMUM_BUFFER_S / (utilities[0] + gp - 1);
        steady = false;
        placeholderS = 0;
        lastQuality = 0;
    }

    @Override
    public int decide(DecisionState state) {
        if (ladderKbps.length == 1) {
            return 0;
        }
        double bufferS = state.bufferS();
        double recentKbps = ThroughputRulePolicy.harmonicMean(state.throughputKbps(), THROUGHPUT_WINDOW);
        if (bufferS <= EMPTY_BUFFER_S) {
            placeholderS = 0;
        }
        if (!steady) {
            int q = qualityForThroughput(recentKbps * BANDWIDTH_SAFETY_FACTOR);
            if (bufferS > chunkLenS / REBUFFER_SAFETY_FACTOR) {
                steady = true;
                double wantEffectiveS = 0;
                for (int i = 0; i < q; i++) {
                    double b = vp * (gp + (ladderKbps[q] * utilities[i] - ladderKbps[i] * utilities[q])
                            / (ladderKbps[q] - ladderKbps[i]));
                    wantEffectiveS = Math.max(wantEffectiveS, b);
                }
                if (wantEffectiveS > bufferS) {
                    placeholderS = wantEffectiveS - bufferS;
                }
            }
            lastQuality = q;
            return q;
        }
        double effectiveS = bufferS + placeholderS;
        int quality = qualityForBuffer(effectiveS);
        if (quality > lastQuality) {
            int q = qualityForThroughput(recentKbps);
            if (quality > q) {
                quality = Math.max(q, lastQuality);
            }
        }
        if (recentKbps > 0) {
            double safeKbps = REBUFFER_SAFETY_FACTOR * recentKbps * bufferS / chunkLenS;
            while (quality > 0 && ladderKbps[quality] > safeKbps) {
                quality--;
            }
        }
        double excessS = effectiveS - vp * (utilities[quality] + gp);
        if (excessS > 0) {
            placeholderS = Math.max(0, placeholderS - excessS);
        }
        lastQuality = quality;
        return quality;
    }

    private int qualityForBuffer(double bufferS) {
        int quality = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < ladderKbps.length; r++) {
            double score = (vp * (utilities[r] + gp) - bufferS) / ladderKbps[r];
            if (score >= best) {
                best = score;
                quality = r;
            }
        }
        return quality;
    }

    private int qualityForThroughput(double kbps) {
        int q = 0;
        for (int r = 0; r < ladderKbps.length; r++) {
            if (ladderKbps[r] <= kbps) {
                q = r;
            }
        }
        return q;
    }
}
