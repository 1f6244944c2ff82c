package dev.marquee.player.ui;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * "Stats for nerds": what the engine is doing now, as the stats overlay shows it. Read-only values the engine's
 * adapter fills in {@link PlaybackSnapshot}; null where the engine does not know (yet).
 *
 * @param currentRung       rung playing now, e.g. "720p · 3.0 Mbit/s"
 * @param targetRung        rung the ABR manager chose for the next segments
 * @param bandwidthBps      current bandwidth estimate, bits per second
 * @param bufferAhead       media buffered ahead of the play head
 * @param edgeNode          edge serving the segments, e.g. "edge-eu-1a"
 * @param lastCacheStatus   "HIT" or "MISS" of the last segment at that edge
 * @param startupTime       click to first frame
 * @param licenceTime       licence request to usable key
 * @param decisions         the last ABR decisions, newest first
 */
public record PlaybackStatsView(
        @Nullable String currentRung,
        @Nullable String targetRung,
        long bandwidthBps,
        Duration bufferAhead,
        @Nullable String edgeNode,
        @Nullable String lastCacheStatus,
        long decodedFrames,
        long droppedFrames,
        int stalls,
        @Nullable Duration startupTime,
        @Nullable Duration licenceTime,
        List<Decision> decisions) {

    /** Nothing known yet: before the first segment. */
    public static final PlaybackStatsView EMPTY =
            new PlaybackStatsView(null, null, 0, Duration.ZERO, null, null, 0, 0, 0, null, null, List.of());

    /**
     * One ABR decision: at which media position, to which rung, by which rule ("why this rung").
     *
     * @param rule the rule that decided, e.g. "BUFFER", "THROUGHPUT", "EMERGENCY_DOWN"
     */
    public record Decision(Duration at, String rung, String rule) {}
}
