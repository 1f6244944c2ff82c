package dev.marquee.model.chaos;

import java.util.List;
import java.util.Map;

/**
 * What a run would touch if started now.
 *
 * @param instances            instance ids to be terminated or faulted (gateways included)
 * @param liveSessions         playback sessions reporting heartbeats in the touched regions
 * @param liveSessionsByRegion the same per region
 */
public record BlastRadius(
        ExperimentType type,
        List<String> regions,
        List<String> zones,
        List<String> instances,
        List<String> edgeNodes,
        int liveSessions,
        Map<String, Integer> liveSessionsByRegion,
        String summary) {}
