package dev.marquee.model.chaos;

import org.jspecify.annotations.Nullable;

/**
 * A run to preview or start. The engine refuses it with a problem (and changes nothing) for unknown targets, a
 * duration outside its bounds, absurd magnitudes, or a scope that reaches every region without
 * {@code allowAllRegions}.
 * Fields a type does not read may be absent.
 *
 * @param durationSeconds  how long the faults stay before the engine reverts them (10 s to 2 h by default)
 * @param count            Chaos Monkey: instances to terminate (1 to those available)
 * @param latencyMs        Latency Monkey: added latency per request (0 to 30 000)
 * @param errorRate        Latency Monkey: share of requests failed (0..1)
 * @param thresholds       the steady-state hypothesis; null or absent limits take the defaults
 * @param allowAllRegions  the explicit override for a scope that takes down every region at once
 * @param reason           why, for the report
 */
public record ExperimentRequest(
        ExperimentType type,
        @Nullable ChaosScope scope,
        @Nullable Long durationSeconds,
        @Nullable Integer count,
        @Nullable Long latencyMs,
        @Nullable Double errorRate,
        @Nullable SteadyStateThresholds thresholds,
        @Nullable Boolean allowAllRegions,
        @Nullable String reason) {

    /** Whether the all-regions override is set (absent means no). */
    public boolean allowsAllRegions() {
        return Boolean.TRUE.equals(allowAllRegions);
    }
}
