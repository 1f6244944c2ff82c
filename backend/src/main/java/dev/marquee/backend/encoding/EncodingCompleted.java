package dev.marquee.backend.encoding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published when a title has been encoded, quality-checked, packaged and written completely to the origin.
 * The catalog publishes the title and the search index picks it up; the edge may start filling it.
 *
 * @param titleId            stable id of the title; also its directory under the origin's {@code titles/}
 * @param metadata           what the operator (or the sample catalog) said about the title
 * @param duration           duration of the master
 * @param masterPlaylistKey  origin key of the HLS master playlist, e.g. {@code titles/<id>/master.m3u8}
 * @param renditions         the published ladder, lowest bitrate first
 * @param artworkKeys        origin keys of the generated artwork, e.g. {@code titles/<id>/artwork/poster-1.jpg}
 */
public record EncodingCompleted(
        UUID titleId,
        TitleMetadata metadata,
        Duration duration,
        String masterPlaylistKey,
        List<Rendition> renditions,
        List<Artwork> artworkKeys,
        Instant completedAt) {

    /** Descriptive metadata of a title as given at ingest. */
    public record TitleMetadata(
            String title,
            String synopsis,
            List<String> genres,
            int year,
            String maturityRating,
            List<String> cast) {}

    /**
     * One rung of the published ladder.
     *
     * @param qualityMetric "VMAF", or "SSIM" where the ffmpeg build has no libvmaf
     */
    public record Rendition(
            int width,
            int height,
            long bitrateBps,
            String codecs,
            String playlistKey,
            double qualityScore,
            String qualityMetric) {}

    /** A generated artwork image. {@code kind} is "poster" or "backdrop"; {@code variant} numbers variants per kind. */
    public record Artwork(String kind, int variant, String key, int width, int height) {}
}
