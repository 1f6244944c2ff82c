package dev.marquee.model.chaos;

import org.jspecify.annotations.Nullable;

/**
 * A run to preview or start. The engine refuses it with a problem (and changes nothing) for unknown targets, a
 * duration outside its bounds, absurd magnitudes, or a scope that reaches every region without
 * {@code allowAllRegions}, or a start while the scope's KPIs already break the steady-state hypothesis without
 * {@code allowViolatedSteadyState} (the hypothesis must hold before the experiment).
 * Fields a type does not read may be absent.
 *
 * @param durationSeconds  how long the faults stay before the engine reverts them (10 s to 2 h by default)
 * @param count            Chaos Monkey: instances to terminate (1 to those available)
 * @param latencyMs        Latency Monkey: added latency per request (0 to 30 000)
 * @param errorRate        Latency Monkey: share of requests failed (0..1)
 * @param thresholds       the steady-state hypothesis; null or absent limits take the defaults
 *                         ({@link ChaosPaths#SETTINGS}); Doctor Monkey, a repair action, has none and refuses them
 * @param allowAllRegions  the explicit override for a scope that takes down every region at once
 * @param reason           why, for the report
 * @param allowViolatedSteadyState  the explicit override to start although the KPIs already break a limit; the
 *                         limits broken at the start are then not checked during the run (the report says so)
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
        @Nullable String reason,
        @Nullable Boolean allowViolatedSteadyState) {

    /** A request without the steady-state override (as clients before it sent them). */
    public ExperimentRequest(ExperimentType type, @Nullable ChaosScope scope, @Nullable Long durationSeconds,
                             @Nullable Integer count, @Nullable Long latencyMs, @Nullable Double errorRate,
                             @Nullable SteadyStateThresholds thresholds, @Nullable Boolean allowAllRegions,
                             @Nullable String reason) {
        this(type, scope, durationSeconds, count, latencyMs, errorRate, thresholds, allowAllRegions, reason, null);
    }

    /** Whether the violated-steady-state override is set (absent means no). */
    public boolean allowsViolatedSteadyState() {
        return Boolean.TRUE.equals(allowViolatedSteadyState);
    }

    /** Whether the all-regions override is set (absent means no). */
    public boolean allowsAllRegions() {
        return Boolean.TRUE.equals(allowAllRegions);
    }
}
