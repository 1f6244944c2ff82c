package dev.marquee.model.chaos;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The run scope's KPIs at one evaluation, and which limits they broke. Null figures had no data.
 *
 * @param phase       BEFORE (the baseline), DURING, or AFTER (after the revert)
 * @param violations  human-readable broken limits, empty when the hypothesis held
 */
public record KpiSample(
        Instant at,
        String phase,
        double streamStartsPerSecond,
        @Nullable Double errorRate,
        @Nullable Double apiLatencyP99Ms,
        @Nullable Double rebufferRatio,
        long apiRequests,
        List<String> violations) {}
