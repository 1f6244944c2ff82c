package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.Genre;
import dev.marquee.backend.catalog.MaturityRating;
import dev.marquee.backend.catalog.TitlePublished;
import dev.marquee.backend.encoding.EncodingCompleted;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a title when its encoding completes: stores it (or updates it, if the id is already published)
 * and announces {@link TitlePublished} in the same transaction. Idempotent per title id: a second
 * {@code EncodingCompleted} for the same id updates the title, bumps its revision and keeps its first
 * publication time, so "New on Marquee" does not reshuffle when a title is re-encoded.
 *
 * <p>Metadata is cleaned rather than refused (nothing an operator typed is lost for a formatting slip): text is
 * trimmed and cut to the column sizes, blank and duplicate genres, cast and artwork are dropped, an unknown
 * rating becomes {@link MaturityRating#NR} (adult only).
 */
@Service
class TitlePublication {

    private static final Logger log = LoggerFactory.getLogger(TitlePublication.class);

    /** Column sizes of V200__catalog.sql. */
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_SYNOPSIS_LENGTH = 4000;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_GENRE_LENGTH = 80;
    /** Artwork kinds become part of a URL ({@code poster-1.jpg}): lower-case letters only. */
    static final Pattern ARTWORK_KIND = Pattern.compile("[a-z]{1,20}");

    private final CatalogStore repository;
    private final ApplicationEventPublisher events;
    private final InstantSource clock;

    /** Uses the application's clock if it has exactly one, else the system clock. */
    TitlePublication(
            CatalogStore repository, ApplicationEventPublisher events, ObjectProvider<InstantSource> clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock.getIfUnique(InstantSource::system);
    }

    /** Runs after the encoding's transaction commits, in a transaction of its own (Modulith semantics). */
    @ApplicationModuleListener
    void on(EncodingCompleted completed) {
        publish(completed);
    }

    @Transactional
    public CatalogTitle publish(EncodingCompleted completed) {
        Instant now = clock.instant();
        Optional<CatalogStore.Stored> stored = repository.findStored(completed.titleId());
        CatalogTitle title = toTitle(completed,
                stored.map(CatalogStore.Stored::publishedAt).orElse(now),
                stored.map(s -> s.revision() + 1).orElse(1));
        repository.save(title, now, stored.isEmpty());
        events.publishEvent(new TitlePublished(title, stored.isEmpty()));
        log.info("{} title {} \"{}\" (revision {}, {} renditions, {} artwork)",
                stored.isEmpty() ? "Published" : "Updated", title.id(), title.title(), title.revision(),
                title.renditions().size(), title.artwork().size());
        return title;
    }

    private static CatalogTitle toTitle(EncodingCompleted c, Instant publishedAt, int revision) {
        EncodingCompleted.TitleMetadata m = c.metadata();
        return new CatalogTitle(
                c.titleId(),
                cut(m.title(), MAX_TITLE_LENGTH),
                cut(m.synopsis(), MAX_SYNOPSIS_LENGTH),
                m.year(),
                MaturityRating.parse(m.maturityRating()),
                c.duration(),
                genres(m.genres()),
                names(m.cast()),
                artwork(c),
                c.renditions().stream()
                        .map(r -> new CatalogTitle.Rendition(r.width(), r.height(), r.bitrateBps(), r.codecs(),
                                r.qualityScore(), r.qualityMetric()))
                        .toList(),
                c.masterPlaylistKey(),
                publishedAt,
                revision);
    }

    private static List<String> genres(List<String> given) {
        Set<String> slugs = new HashSet<>();
        List<String> genres = new ArrayList<>();
        for (String genre : given) {
            String name = cut(genre, MAX_GENRE_LENGTH);
            String slug = Genre.slugOf(name);
            if (!slug.isEmpty() && slugs.add(slug)) {
                genres.add(name);
            }
        }
        return genres;
    }

    private static List<String> names(List<String> given) {
        return given.stream().map(n -> cut(n, MAX_NAME_LENGTH)).filter(n -> !n.isEmpty()).distinct().toList();
    }

    private static List<CatalogTitle.Artwork> artwork(EncodingCompleted c) {
        Set<String> seen = new HashSet<>();
        List<CatalogTitle.Artwork> artwork = new ArrayList<>();
        for (EncodingCompleted.Artwork a : c.artworkKeys()) {
            if (!ARTWORK_KIND.matcher(a.kind()).matches() || a.variant() < 0) {
                log.warn("Title {}: ignoring artwork {} with kind \"{}\" variant {}", c.titleId(), a.key(), a.kind(),
                        a.variant());
            } else if (seen.add(a.kind() + "-" + a.variant())) {
                artwork.add(new CatalogTitle.Artwork(a.kind(), a.variant(), a.key(), a.width(), a.height()));
            }
        }
        return artwork;
    }

    private static String cut(String text, int maxLength) {
        String trimmed = text.strip();
        return trimmed.length() <= maxLength ? trimmed : trimmed.substring(0, maxLength);
    }
}
