package dev.marquee.model.chaos;

import org.jspecify.annotations.Nullable;

/**
 * The steady-state hypothesis: limits the live KPIs of the run's scope must stay within. In a request, an absent
 * limit takes the engine's default; in a run it is the limit applied. A KPI with no data (no requests, no
 * playback) cannot break its limit.
 *
 * @param maxSpsDropPercent  stream starts per second may fall at most this much below the pre-run baseline (0..100)
 * @param maxErrorRate       share of API requests answered 5xx (0..1)
 * @param maxP99LatencyMs    99th percentile API latency
 * @param maxRebufferRatio   stall time over watch time (0..1)
 */
public record SteadyStateThresholds(
        @Nullable Double maxSpsDropPercent,
        @Nullable Double maxErrorRate,
        @Nullable Double maxP99LatencyMs,
        @Nullable Double maxRebufferRatio) {

    public static final SteadyStateThresholds DEFAULTS_FROM_ENGINE = new SteadyStateThresholds(null, null, null, null);
}
