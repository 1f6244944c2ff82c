package dev.marquee.backend.search.internal;

import dev.marquee.backend.catalog.CatalogChecksum;
import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.TitlePublished;
import dev.marquee.backend.search.SearchIndex;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the catalog: indexes every {@link TitlePublished}, and at start rebuilds
 * the index from the catalog when the index was recreated or its {@link CatalogChecksum} differs from the
 * catalog's (a publication lost between the catalog's commit and the index's, e.g. in a crash).
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
        reconcile(index, catalog.checksum(), catalog::allTitles);
    }

    /** Rebuilds the index from the catalog if it was recreated or its checksum differs; true if it did. */
    static boolean reconcile(SearchIndex index, CatalogChecksum catalog, Supplier<List<CatalogTitle>> catalogTitles) {
        CatalogChecksum indexed = index.checksum();
        if (!index.needsRebuild() && indexed.equals(catalog)) {
            log.info("Search index is up to date with the catalog's {} titles", indexed.titles());
            return false;
        }
        long started = System.nanoTime();
        List<CatalogTitle> titles = catalogTitles.get();
        index.replaceAll(titles);
        log.info("Rebuilt the search index from the catalog: {} titles in {} ms (index had {}, catalog {})",
                titles.size(), (System.nanoTime() - started) / 1_000_000, indexed, catalog);
        return true;
    }

    @ApplicationModuleListener
    void on(TitlePublished published) {
        index.upsert(published.title());
    }
}
