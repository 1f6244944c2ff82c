package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.SteadyStateThresholds;
import dev.marquee.model.metrics.KpiSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The steady-state hypothesis: checks a KPI snapshot against a run's limits (the SPS limit relative to the
 * baseline taken before the run). A figure with no data breaks nothing: no requests is not an error rate. Without
 * limits (Doctor Monkey) a sample only records the figures.
 */
final class SteadyState {
    private SteadyState() {}

    /** Phase of a preview's sample: the KPIs now, before any run. */
    static final String NOW = "NOW";

    /** One broken limit: its name in {@link SteadyStateThresholds} and the sentence the report shows. */
    record Violation(String limit, String text) {}

    static KpiSample sample(Instant at, String phase, KpiSnapshot kpis, @Nullable SteadyStateThresholds limits,
                            @Nullable KpiSample baseline) {
        return sample(at, phase, kpis, limits, baseline, Set.of());
    }

    /** A sample whose violations leave out the {@code waived} limits (those overridden at the start). */
    static KpiSample sample(Instant at, String phase, KpiSnapshot kpis, @Nullable SteadyStateThresholds limits,
                            @Nullable KpiSample baseline, Set<String> waived) {
        List<String> violations = new ArrayList<>();
        for (Violation v : check(kpis, limits, baseline)) {
            if (!waived.contains(v.limit())) {
                violations.add(v.text());
            }
        }
        return new KpiSample(at, phase, kpis.streamStartsPerSecond(), kpis.errorRate(), kpis.apiLatencyP99Ms(),
                kpis.rebufferRatio(), kpis.apiRequests(), List.copyOf(violations));
    }

    /** The names of the limits {@code kpis} break. */
    static Set<String> broken(KpiSnapshot kpis, @Nullable SteadyStateThresholds limits, @Nullable KpiSample baseline) {
        Set<String> names = new LinkedHashSet<>();
        check(kpis, limits, baseline).forEach(v -> names.add(v.limit()));
        return names;
    }

    static List<Violation> check(KpiSnapshot kpis, @Nullable SteadyStateThresholds limits, @Nullable KpiSample baseline) {
        List<Violation> violations = new ArrayList<>();
        if (limits == null) {
            return violations;
        }
        Double maxErrorRate = limits.maxErrorRate();
        Double maxP99 = limits.maxP99LatencyMs();
        Double maxRebuffer = limits.maxRebufferRatio();
        Double maxDrop = limits.maxSpsDropPercent();
        if (maxErrorRate != null && kpis.errorRate() != null && kpis.errorRate() > maxErrorRate) {
            violations.add(new Violation("maxErrorRate", String.format("error rate %.3f > %.3f", kpis.errorRate(), maxErrorRate)));
        }
        if (maxP99 != null && kpis.apiLatencyP99Ms() != null && kpis.apiLatencyP99Ms() > maxP99) {
            violations.add(new Violation("maxP99LatencyMs",
                    String.format("p99 API latency %.0f ms > %.0f ms", kpis.apiLatencyP99Ms(), maxP99)));
        }
        if (maxRebuffer != null && kpis.rebufferRatio() != null && kpis.rebufferRatio() > maxRebuffer) {
            violations.add(new Violation("maxRebufferRatio",
                    String.format("rebuffer ratio %.3f > %.3f", kpis.rebufferRatio(), maxRebuffer)));
        }
        if (maxDrop != null && baseline != null && baseline.streamStartsPerSecond() > 0) {
            double floor = baseline.streamStartsPerSecond() * (1 - maxDrop / 100);
            if (kpis.streamStartsPerSecond() < floor) {
                violations.add(new Violation("maxSpsDropPercent", String.format("SPS %.2f < %.2f (baseline %.2f - %.0f%%)",
                        kpis.streamStartsPerSecond(), floor, baseline.streamStartsPerSecond(), maxDrop)));
            }
        }
        return violations;
    }
}
