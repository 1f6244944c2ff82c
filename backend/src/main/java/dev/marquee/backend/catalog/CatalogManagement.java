package dev.marquee.backend.catalog;

import dev.marquee.backend.catalog.internal.CatalogStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's public service for other modules: look titles up, list them, and ask whether a viewer may
 * watch one. Every read that a viewer triggers takes a {@link ViewerContext} and hides what the viewer may not
 * see; the context-free reads are for indexing and operations. Publishing happens through events only.
 */
@Service
@Transactional(readOnly = true)
public class CatalogManagement {

    private final CatalogStore store;

    CatalogManagement(CatalogStore store) {
        this.store = store;
    }

    /** A title regardless of its rating (for indexing, playback bookkeeping, operations). */
    public Optional<CatalogTitle> findTitle(UUID titleId) {
        return store.find(titleId);
    }

    /** A title if it is published and the viewer may see it. */
    public Optional<CatalogTitle> findTitle(UUID titleId, ViewerContext viewer) {
        return store.find(titleId).filter(t -> viewer.mayWatch(t.maturityRating()));
    }

    /** Whether the title is published and the viewer may watch it (playback asks before issuing a manifest). */
    public boolean isSuitable(UUID titleId, ViewerContext viewer) {
        return findTitle(titleId, viewer).isPresent();
    }

    /**
     * Titles the viewer may see, newest publication first.
     *
     * @param genreSlug only titles in this genre (see {@link Genre#slugOf}), or all
     */
    public List<CatalogTitle> listTitles(ViewerContext viewer, @Nullable String genreSlug, long offset, int limit) {
        return store.page(allowedRatings(viewer), genreSlug, offset, limit);
    }

    public long countTitles(ViewerContext viewer, @Nullable String genreSlug) {
        return store.count(allowedRatings(viewer), genreSlug);
    }

    /** Genres that hold at least one title the viewer may see, the fullest first. */
    public List<Genre> genres(ViewerContext viewer) {
        return store.genres(allowedRatings(viewer));
    }

    /** Every published title, newest first, regardless of rating: what a search index is rebuilt from. */
    public List<CatalogTitle> allTitles() {
        return store.all();
    }

    public long titleCount() {
        return store.countAll();
    }

    /** Changes whenever a title is published or updated; copies of the catalog compare theirs with it. */
    public CatalogChecksum checksum() {
        return store.checksum();
    }

    private static List<String> allowedRatings(ViewerContext viewer) {
        return Arrays.stream(MaturityRating.values()).filter(viewer::mayWatch).map(MaturityRating::label).toList();
    }
}
