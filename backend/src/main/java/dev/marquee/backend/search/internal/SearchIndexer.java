package dev.marquee.backend.search.internal;

import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.TitlePublished;
import dev.marquee.backend.search.SearchIndex;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the catalog: indexes every {@link TitlePublished}, and at start rebuilds
 * the index from the catalog when the index was recreated or holds a different number of titles (an event lost
 * in a crash between the catalog's commit and the index's).
 */
@Component
class SearchIndexer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final CatalogManagement catalog;

    SearchIndexer(SearchIndex index, CatalogManagement catalog) {
        this.index = index;
        this.catalog = catalog;
    }

    /** Runs once all singletons exist (the database is migrated), before the application takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        reconcile(index, catalog::titleCount, catalog::allTitles);
    }

    /** Rebuilds the index from the catalog if it needs it; true if it did. */
    static boolean reconcile(
            SearchIndex index, LongSupplier catalogCount, Supplier<List<CatalogTitle>> catalogTitles) {
        long inCatalog = catalogCount.getAsLong();
        long indexed = index.documentCount();
        if (!index.needsRebuild() && indexed == inCatalog) {
            log.info("Search index holds all {} catalog titles", indexed);
            return false;
        }
        long started = System.nanoTime();
        List<CatalogTitle> titles = catalogTitles.get();
        index.replaceAll(titles);
        log.info("Rebuilt the search index from the catalog: {} titles in {} ms (had {})", titles.size(),
                (System.nanoTime() - started) / 1_000_000, indexed);
        return true;
    }

    @ApplicationModuleListener
    void on(TitlePublished published) {
        index.upsert(published.title());
    }
}
