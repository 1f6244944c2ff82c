package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.Genre;
import dev.marquee.model.catalog.ArtworkView;
import dev.marquee.model.catalog.GenreView;
import dev.marquee.model.catalog.RenditionView;
import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.catalog.TitleDetail;

/** Turns catalog values into the wire records of {@code dev.marquee.model.catalog}. */
final class CatalogViews {
    private CatalogViews() {}

    static TitleCard card(CatalogTitle t) {
        return new TitleCard(
                t.id(),
                t.title(),
                t.year(),
                t.maturityRating().label(),
                (int) t.duration().toSeconds(),
                t.genres(),
                t.firstArtwork(ArtworkView.POSTER).map(t::artworkPath).orElse(null),
                t.firstArtwork(ArtworkView.BACKDROP).map(t::artworkPath).orElse(null),
                t.artwork().stream()
                        .map(a -> new ArtworkView(a.kind(), a.variant(), a.width(), a.height(), t.artworkPath(a)))
                        .toList());
    }

    static TitleDetail detail(CatalogTitle t) {
        return new TitleDetail(
                card(t),
                t.synopsis(),
                t.cast(),
                t.publishedAt(),
                t.masterPlaylistKey(),
                t.renditions().stream()
                        .map(r -> new RenditionView(r.width(), r.height(), r.bitrateBps(), r.codecs(),
                                r.qualityScore(), r.qualityMetric()))
                        .toList());
    }

    static GenreView genre(Genre g) {
        return new GenreView(g.slug(), g.name(), g.titleCount());
    }
}
