package dev.marquee.backend.encoding.internal.ladder;

/**
 * A rung the planner chose: encode at this resolution and CRF, expecting about {@code targetBitrateBps}
 * and {@code predictedSsimDb}.
 */
public record PlannedRung(int width, int height, double crf, long targetBitrateBps, double predictedSsimDb) {

    /** Directory name of the rung in the origin, e.g. {@code 720p-2400k}. */
    public String name(long actualBitrateBps) {
        return height + "p-" + Math.max(1, Math.round(actualBitrateBps / 1000.0)) + "k";
    }
}
