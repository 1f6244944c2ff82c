package dev.marquee.model.chaos;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run would touch if started now.
 *
 * @param instances            instance ids to be terminated or faulted (gateways included)
 * @param liveSessions         playback sessions reporting heartbeats in the touched regions
 * @param liveSessionsByRegion the same per region
 * @param limits               the steady-state limits the run would be held to; null for a type that has no
 *                             hypothesis (Doctor Monkey, a repair action) or from an engine that predates them
 * @param current              the scope's KPIs now against those limits ({@code phase} NOW); non-empty
 *                             {@code violations} mean the hypothesis already fails and a start is refused unless
 *                             the request sets {@code allowViolatedSteadyState}; null when not evaluated
 */
public record BlastRadius(
        ExperimentType type,
        List<String> regions,
        List<String> zones,
        List<String> instances,
        List<String> edgeNodes,
        int liveSessions,
        Map<String, Integer> liveSessionsByRegion,
        String summary,
        @Nullable SteadyStateThresholds limits,
        @Nullable KpiSample current) {

    /** A preview without the steady-state check (as engines before the check answered it). */
    public BlastRadius(ExperimentType type, List<String> regions, List<String> zones, List<String> instances,
                       List<String> edgeNodes, int liveSessions, Map<String, Integer> liveSessionsByRegion, String summary) {
        this(type, regions, zones, instances, edgeNodes, liveSessions, liveSessionsByRegion, summary, null, null);
    }

    /** The same preview with the steady-state check attached. */
    public BlastRadius withSteadyState(@Nullable SteadyStateThresholds limits, @Nullable KpiSample current) {
        return new BlastRadius(type, regions, zones, instances, edgeNodes, liveSessions, liveSessionsByRegion, summary,
                limits, current);
    }

    /** Whether the scope's KPIs already break a limit now. */
    public boolean steadyStateViolated() {
        return current != null && !current.violations().isEmpty();
    }
}
