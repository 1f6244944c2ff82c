package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.ApiRequestCompleted;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.metrics.EdgeStatsSample;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds synthetic log records as the events module would append them, at chosen log times. */
final class Heartbeats {
    private static final UUID TITLE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID PROFILE = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private long offset;

    LogRecord start(UUID session, String region, long atMs, long startupMs) {
        return beat(session, region, atMs, PlaybackEventType.START, 0, 0, 720, 3_000_000, startupMs);
    }

    LogRecord playing(UUID session, String region, long atMs, long positionMs, long stallMs, int height, long bitrateBps) {
        return beat(session, region, atMs, PlaybackEventType.PLAYING, positionMs, stallMs, height, bitrateBps, null);
    }

    LogRecord beat(UUID session, String region, long atMs, PlaybackEventType type, long positionMs, long stallMs,
            int height, long bitrateBps, @Nullable Long startupMs) {
        return beat(session, region, null, atMs, type, positionMs, stallMs, height, bitrateBps, startupMs);
    }

    /** A PLAYING heartbeat of a session opened in {@code region} that arrived through {@code servingRegion}. */
    LogRecord playingServedIn(UUID session, String region, String servingRegion, long atMs, long positionMs) {
        return beat(session, region, servingRegion, atMs, PlaybackEventType.PLAYING, positionMs, 0, 720, 3_000_000, null);
    }

    private LogRecord beat(UUID session, String region, @Nullable String servingRegion, long atMs, PlaybackEventType type,
            long positionMs, long stallMs, int height, long bitrateBps, @Nullable Long startupMs) {
        var heartbeat = new PlaybackHeartbeat(session, TITLE, PROFILE, region, "edge-1", type, positionMs, 0, bitrateBps, height,
                4_000, stallMs > 0 ? 1 : 0, stallMs, startupMs, null, 0, 0, Instant.ofEpochMilli(atMs));
        return record(Topics.PLAYBACK_HEARTBEATS, atMs, new HeartbeatReceived(UUID.randomUUID(), heartbeat, servingRegion));
    }

    LogRecord request(String service, @Nullable String region, int status, long latencyUs, long atMs) {
        return record(Topics.API_REQUESTS, atMs, new ApiRequestCompleted("GET", "/api/x", status, latencyUs, service, region));
    }

    LogRecord edge(String node, String region, long hits, long misses, long atMs) {
        return record(Topics.EDGE_STATS, atMs, new EdgeStatsSample(node, region, 1, hits, misses, hits * 1_000, misses * 1_000,
                Instant.ofEpochMilli(atMs - 10_000), Instant.ofEpochMilli(atMs)));
    }

    private LogRecord record(String topic, long atMs, Object value) {
        return new LogRecord(topic, 0, offset++, atMs, null, value);
    }
}
