package dev.marquee.backend.search;

import dev.marquee.backend.catalog.CatalogChecksum;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestions;
import java.util.Collection;

/**
 * A searchable copy of the catalog. The default is an embedded Lucene index on disk; an OpenSearch adapter can
 * implement the same contract when one machine is not enough. Implementations are thread-safe: searches run on
 * request threads while updates arrive from event listeners; an update is visible to searches that start after
 * it returns.
 */
public interface SearchIndex extends AutoCloseable {

    /** Titles matching the words of {@code query}, best first; each word may match title, synopsis, cast or genre. */
    SearchResults search(String query, int limit, ViewerContext viewer);

    /** Titles having words that start with the words typed so far, for typeahead. */
    Suggestions suggest(String prefix, int limit, ViewerContext viewer);

    /** Adds the title or replaces the indexed copy of it, durably. */
    void upsert(CatalogTitle title);

    /** Replaces the whole index with these titles, durably. */
    void replaceAll(Collection<CatalogTitle> titles);

    long documentCount();

    /** The {@link CatalogChecksum} of what is indexed: titles and the sum of their indexed revisions. */
    CatalogChecksum checksum();

    /**
     * True when the index was created empty at start because it was missing, unreadable or of an older schema:
     * its owner should {@link #replaceAll} it from the catalog.
     */
    boolean needsRebuild();

    @Override
    void close();
}
