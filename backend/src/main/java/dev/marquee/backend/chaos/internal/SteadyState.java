package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.SteadyStateThresholds;
import dev.marquee.model.metrics.KpiSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The steady-state hypothesis: checks a KPI snapshot against a run's limits (the SPS limit relative to the
 * baseline taken before the run). A figure with no data breaks nothing: no requests is not an error rate.
 */
final class SteadyState {
    private SteadyState() {}

    static KpiSample sample(Instant at, String phase, KpiSnapshot kpis, SteadyStateThresholds limits, @Nullable KpiSample baseline) {
        List<String> violations = new ArrayList<>();
        double maxErrorRate = Objects.requireNonNull(limits.maxErrorRate());
        double maxP99 = Objects.requireNonNull(limits.maxP99LatencyMs());
        double maxRebuffer = Objects.requireNonNull(limits.maxRebufferRatio());
        double maxDrop = Objects.requireNonNull(limits.maxSpsDropPercent());
        if (kpis.errorRate() != null && kpis.errorRate() > maxErrorRate) {
            violations.add(String.format("error rate %.3f > %.3f", kpis.errorRate(), maxErrorRate));
        }
        if (kpis.apiLatencyP99Ms() != null && kpis.apiLatencyP99Ms() > maxP99) {
            violations.add(String.format("p99 API latency %.0f ms > %.0f ms", kpis.apiLatencyP99Ms(), maxP99));
        }
        if (kpis.rebufferRatio() != null && kpis.rebufferRatio() > maxRebuffer) {
            violations.add(String.format("rebuffer ratio %.3f > %.3f", kpis.rebufferRatio(), maxRebuffer));
        }
        if (baseline != null && baseline.streamStartsPerSecond() > 0) {
            double floor = baseline.streamStartsPerSecond() * (1 - maxDrop / 100);
            if (kpis.streamStartsPerSecond() < floor) {
                violations.add(String.format("SPS %.2f < %.2f (baseline %.2f - %.0f%%)", kpis.streamStartsPerSecond(), floor,
                        baseline.streamStartsPerSecond(), maxDrop));
            }
        }
        return new KpiSample(at, phase, kpis.streamStartsPerSecond(), kpis.errorRate(), kpis.apiLatencyP99Ms(),
                kpis.rebufferRatio(), kpis.apiRequests(), List.copyOf(violations));
    }
}
