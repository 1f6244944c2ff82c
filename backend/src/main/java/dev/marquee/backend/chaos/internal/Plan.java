package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.SteadyStateThresholds;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated run, ready to start: the changes to make in order, what they touch, and which KPIs watch them.
 *
 * @param thresholds  the hypothesis; null for Doctor Monkey (a repair action has none)
 * @param kpiRegion   the region whose KPIs the hypothesis reads, or the all-regions key
 * @param kpiService  the service whose API figures it reads, or null for all (every plan today: an injected
 *                    error is answered before any controller, so it is counted as the platform's, not the service's)
 */
record Plan(ExperimentRequest request, ChaosScope scope, Duration duration, List<Injection> injections,
            BlastRadius blastRadius, @Nullable SteadyStateThresholds thresholds, String kpiRegion, @Nullable String kpiService) {}
