package dev.marquee.player.engine;

/**
 * What the streaming engine knows when it asks the {@link AbrManager} for the next segment's rung.
 *
 * @param segmentIndex          index of the segment about to be requested (0 = first of the presentation)
 * @param segmentsRemaining     segments left including this one, or {@link #UNKNOWN_REMAINING} (live)
 * @param bufferUs              media buffered ahead of the play head, microseconds
 * @param currentVariantIndex   rung of the previous segment, or -1 before the first one
 * @param nextSegmentSizesBytes size of this segment at each rung (lowest first), or {@code null} when the
 *                              manifest does not say; the manager then assumes {@code bandwidth × duration}
 */
public record SegmentContext(int segmentIndex, int segmentsRemaining, long bufferUs, int currentVariantIndex,
                             long[] nextSegmentSizesBytes) {

    /** {@link #segmentsRemaining} of a stream whose end is not known. */
    public static final int UNKNOWN_REMAINING = -1;

    public SegmentContext {
        if (segmentIndex < 0) {
            throw new IllegalArgumentException("segment index must not be negative, was " + segmentIndex);
        }
        if (bufferUs < 0) {
            throw new IllegalArgumentException("buffer must not be negative, was " + bufferUs + " µs");
        }
        if (segmentsRemaining == 0 || segmentsRemaining < UNKNOWN_REMAINING) {
            throw new IllegalArgumentException("segments remaining must be positive or UNKNOWN_REMAINING, was "
                    + segmentsRemaining);
        }
    }
}
