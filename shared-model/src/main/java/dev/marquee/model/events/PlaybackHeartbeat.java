package dev.marquee.model.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a player reports about one playback session, sent to {@code POST /api/playback/heartbeats}
 * ({@link dev.marquee.model.metrics.MetricsPaths#HEARTBEATS}) on every life-cycle event and every
 * {@link #RECOMMENDED_INTERVAL_MS} while playing. Counters ({@code stallCount}, {@code stallDurationMs},
 * {@code droppedFrames}, {@code decodedFrames}) are cumulative since the session started, so a lost heartbeat
 * loses no time: the next one carries it.
 *
 * @param sessionId        one id per playback session, chosen by the player
 * @param titleId          the title being played
 * @param profileId        the viewer's profile
 * @param region           control-plane region the player talks to, e.g. {@code us-east-1}
 * @param edgeNodeId       edge node the last segment came from, if any yet
 * @param positionMs       playback position in the title
 * @param rungIndex        index of the current rendition in the ladder, 0 = lowest
 * @param bitrateBps       bitrate of the current rendition
 * @param height           picture height of the current rendition, e.g. 720
 * @param bufferMs         media buffered ahead of the position
 * @param startupTimeMs    time from "play" to first frame; required on START, else ignored
 * @param licenceTimeMs    time the licence request took, when there was one
 * @param clientTimestamp  the player's clock when it sent this (informational: the backend windows by arrival)
 */
public record PlaybackHeartbeat(
        @NotNull UUID sessionId,
        @NotNull UUID titleId,
        @NotNull UUID profileId,
        @NotBlank @Size(max = MAX_NAME_LENGTH) @Pattern(regexp = NAME_PATTERN) String region,
        @Nullable @Size(max = MAX_NAME_LENGTH) @Pattern(regexp = NAME_PATTERN) String edgeNodeId,
        @NotNull PlaybackEventType type,
        @PositiveOrZero @Max(MAX_DURATION_MS) long positionMs,
        @PositiveOrZero @Max(MAX_RUNG_INDEX) int rungIndex,
        @PositiveOrZero @Max(MAX_BITRATE_BPS) long bitrateBps,
        @PositiveOrZero @Max(MAX_HEIGHT) int height,
        @PositiveOrZero @Max(MAX_DURATION_MS) long bufferMs,
        @PositiveOrZero int stallCount,
        @PositiveOrZero @Max(MAX_DURATION_MS) long stallDurationMs,
        @Nullable @PositiveOrZero @Max(MAX_DURATION_MS) Long startupTimeMs,
        @Nullable @PositiveOrZero @Max(MAX_DURATION_MS) Long licenceTimeMs,
        @PositiveOrZero long droppedFrames,
        @PositiveOrZero long decodedFrames,
        @NotNull Instant clientTimestamp) {

    /** How often a playing session reports: often enough for 10-second metric windows. */
    public static final long RECOMMENDED_INTERVAL_MS = 10_000;
    /** Region and node names are short identifiers such as {@code us-east-1} or {@code edge-t1-ix1}. */
    public static final int MAX_NAME_LENGTH = 64;
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** A day: no single title, buffer or stall is longer; larger values are client bugs. */
    public static final long MAX_DURATION_MS = 86_400_000L;
    /** Ladders have a handful of rungs; 64 leaves room and stops garbage. */
    public static final int MAX_RUNG_INDEX = 64;
    /** 1 Gbit/s: far above any streaming rendition. */
    public static final long MAX_BITRATE_BPS = 1_000_000_000L;
    /** 8K. */
    public static final int MAX_HEIGHT = 4320;

    /** The startup time must come with START (a violation names the field {@code startupTimeMsPresentOnStart}). */
    @jakarta.validation.constraints.AssertTrue(message = "is required when type is START")
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isStartupTimeMsPresentOnStart() {
        return type != PlaybackEventType.START || startupTimeMs != null;
    }
}
