package dev.marquee.model.chaos;

/**
 * The engine's settings a client needs to fill a request: the default steady-state limits an absent threshold
 * takes, and the bounds the engine refuses a request outside of (each inclusive).
 *
 * @param defaults               the limits applied when a request leaves a threshold out
 * @param minDurationSeconds     shortest run
 * @param maxDurationSeconds     longest run
 * @param maxLatencyMs           largest Latency Monkey latency (the smallest is 0)
 * @param maxErrorRate           largest Latency Monkey error rate (the smallest is 0)
 * @param maxSpsDropPercentLimit largest {@code thresholds.maxSpsDropPercent} (the smallest is 0)
 * @param minP99LatencyMsLimit   smallest {@code thresholds.maxP99LatencyMs}
 * @param maxRatioLimit          largest {@code thresholds.maxErrorRate} and {@code maxRebufferRatio} (the smallest is 0)
 * @param evaluationSeconds      how often a run's hypothesis is evaluated
 * @param kpiWindowSeconds       the KPI window each evaluation (and a preview) reads
 */
public record ChaosLimits(
        SteadyStateThresholds defaults,
        long minDurationSeconds,
        long maxDurationSeconds,
        long maxLatencyMs,
        double maxErrorRate,
        double maxSpsDropPercentLimit,
        double minP99LatencyMsLimit,
        double maxRatioLimit,
        long evaluationSeconds,
        long kpiWindowSeconds) {}
