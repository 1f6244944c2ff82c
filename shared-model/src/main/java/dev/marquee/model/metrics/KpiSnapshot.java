package dev.marquee.model.metrics;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The platform's key indicators over the last {@code window} of closed 10-second windows, for one region or
 * {@link MetricsPaths#ALL_REGIONS}, optionally narrowed to one backend service (then the API figures are that
 * service's; the playback and edge figures stay the region's). A percentile or ratio is {@code null} when nothing was measured (no starts,
 * no watch time, no requests): "no data" is not "zero". The chaos engine's steady-state hypothesis reads this.
 *
 * @param service              the backend module the API figures are narrowed to, or {@code null} for all
 * @param from                 start of the first window covered (inclusive)
 * @param to                   end of the last window covered (exclusive)
 * @param streamStartsPerSecond playback starts (START heartbeats) per second
 * @param startTimeP50Ms       median startup time of those starts
 * @param startTimeP95Ms       95th percentile startup time
 * @param rebufferRatio        stall time / (play time + stall time) of every session reporting in the window
 * @param errorRate            share of API requests answered with a 5xx status
 * @param apiLatencyP99Ms      99th percentile API latency (of every service, or of {@code service})
 * @param apiRequests          API requests (of every service, or of {@code service})
 * @param playbackErrors       ERROR heartbeats
 * @param edgeHitRatio         edge cache hits / segment requests
 */
public record KpiSnapshot(
        String region,
        @Nullable String service,
        Duration window,
        Instant from,
        Instant to,
        double streamStartsPerSecond,
        @Nullable Double startTimeP50Ms,
        @Nullable Double startTimeP95Ms,
        @Nullable Double rebufferRatio,
        @Nullable Double errorRate,
        @Nullable Double apiLatencyP99Ms,
        long streamStarts,
        long apiRequests,
        long playbackErrors,
        @Nullable Double edgeHitRatio) {}
