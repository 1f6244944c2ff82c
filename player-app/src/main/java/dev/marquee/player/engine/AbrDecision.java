package dev.marquee.player.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One rung choice and why it was made, kept for the stats overlay ("why this rung").
 *
 * @param segmentIndex  the segment the choice is for
 * @param variantIndex  index of the chosen {@link Variant} in the ladder, 0 = lowest bitrate
 * @param rule          the rule that had the last word
 * @param estimateBps   the bandwidth estimate used, bits per second
 * @param forecastBps   the conservative forecast the plan was made with, bits per second
 * @param bufferUs      buffer level at decision time, microseconds
 * @param at            when it was made, from the manager's injected clock
 */
public record AbrDecision(int segmentIndex, int variantIndex, AbrRule rule, long estimateBps, long forecastBps,
                          long bufferUs, Instant at) {

    public AbrDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
    }
}
