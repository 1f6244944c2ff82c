package dev.marquee.backend.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.marquee.model.catalog.CatalogPaths;

/**
 * A published title as other modules see it.
 *
 * @param revision    1 at first publication, +1 at every update; part of artwork URLs so they can be immutable
 * @param genres      display names, in the order given at ingest
 * @param renditions  the ladder, lowest bitrate first
 */
public record CatalogTitle(
        UUID id,
        String title,
        String synopsis,
        int year,
        MaturityRating maturityRating,
        Duration duration,
        List<String> genres,
        List<String> cast,
        List<Artwork> artwork,
        List<Rendition> renditions,
        String masterPlaylistKey,
        Instant publishedAt,
        int revision) {

    public CatalogTitle {
        genres = List.copyOf(genres);
        cast = List.copyOf(cast);
        artwork = List.copyOf(artwork);
        renditions = List.copyOf(renditions);
    }

    /** An artwork image; {@code originKey} is where the file lives in the origin. */
    public record Artwork(String kind, int variant, String originKey, int width, int height) {}

    /** One rung of the ladder. */
    public record Rendition(
            int width, int height, long bitrateBps, String codecs, double qualityScore, String qualityMetric) {}

    /** The first (lowest-numbered) variant of an artwork kind, if the title has one. */
    public Optional<Artwork> firstArtwork(String kind) {
        return artwork.stream()
                .filter(a -> a.kind().equals(kind))
                .min((a, b) -> Integer.compare(a.variant(), b.variant()));
    }

    /**
     * Path on the backend at which an artwork image is served; carries the revision so that shared caches may
     * keep it forever.
     */
    public String artworkPath(Artwork image) {
        return CatalogPaths.ARTWORK + "/" + id + "/" + image.kind() + "-" + image.variant() + ".jpg?v=" + revision;
    }
}
