package dev.marquee.backend.events;

import java.util.List;

/**
 * The platform's topics. High-volume telemetry is spread over several partitions (keyed so that one session,
 * one node or one service stays in order); notable low-volume events have one partition so that they keep
 * one global order and one offset, which the ops live stream uses as its event id.
 */
public final class Topics {
    private Topics() {}

    /** {@link HeartbeatReceived}, keyed by playback session. */
    public static final String PLAYBACK_HEARTBEATS = "playback.heartbeats";
    /** {@link ApiRequestCompleted}, keyed by service. */
    public static final String API_REQUESTS = "api.requests";
    /** {@link dev.marquee.model.metrics.EdgeStatsSample}, keyed by edge node. */
    public static final String EDGE_STATS = "edge.stats";
    /** Circuit breaker state transitions (published by the resilience module). */
    public static final String BREAKER_TRANSITIONS = "resilience.breaker-transitions";
    /** Chaos experiment runs: started, injected, reverted, aborted (published by the chaos module). */
    public static final String CHAOS_EVENTS = "chaos.events";
    /** Region health, evacuation and failover changes (published by topology / traffic director). */
    public static final String REGION_EVENTS = "topology.region-events";

    /** Topics partitioned for throughput. */
    public static final List<String> TELEMETRY = List.of(PLAYBACK_HEARTBEATS, API_REQUESTS, EDGE_STATS);
    /** Topics of rare, notable events: one partition each, streamed live to the console. */
    public static final List<String> NOTABLE = List.of(BREAKER_TRANSITIONS, CHAOS_EVENTS, REGION_EVENTS);
}
