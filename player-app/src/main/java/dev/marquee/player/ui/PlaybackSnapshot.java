package dev.marquee.player.ui;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The state of a playback session at one instant, as the playback screen polls it.
 *
 * @param buffered     media ranges already downloaded, in play order
 * @param rungs        the ladder as the quality menu lists it, lowest first ("360p", "720p", ...)
 * @param fixedRung    the rung the viewer fixed, empty for Auto
 * @param failure      a sentence for the viewer when playback stopped on an error, else null
 */
public record PlaybackSnapshot(
        boolean playing,
        boolean ended,
        Duration position,
        Duration duration,
        List<TimeRange> buffered,
        List<String> rungs,
        OptionalInt fixedRung,
        PlaybackStatsView stats,
        @Nullable String failure) {

    /** A range of media time, start inclusive, end exclusive. */
    public record TimeRange(Duration start, Duration end) {}
}
