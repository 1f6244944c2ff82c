package dev.marquee.backend.search.internal;

import static dev.marquee.backend.search.internal.SearchFields.*;

import dev.marquee.backend.catalog.CatalogChecksum;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.search.SearchIndex;
import dev.marquee.model.catalog.ArtworkView;
import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestion;
import dev.marquee.model.search.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link SearchIndex}: a Lucene index in a directory (memory-mapped), one {@link IndexWriter} and a
 * near-real-time {@link SearcherManager} refreshed after each update. Every update is committed, so the index
 * survives a restart; one that cannot be opened (missing, corrupt, another schema) is recreated empty and
 * reports {@link #needsRebuild()}. It holds the directory's write lock: one process per index directory.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchQueries queries = new SearchQueries();
    private final boolean needsRebuild;

    private LuceneSearchIndex(Directory directory, IndexWriter writer, boolean needsRebuild) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.needsRebuild = needsRebuild;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code dir}, creating it (empty, {@link #needsRebuild()}) if it is missing or unusable. */
    public static LuceneSearchIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            Directory directory = new MMapDirectory(dir);
            String problem = problemWith(directory);
            if (problem == null) {
                return new LuceneSearchIndex(directory, newWriter(directory, OpenMode.APPEND), false);
            }
            log.warn("Search index at {} {}: creating it empty, to be rebuilt from the catalog", dir, problem);
            // Even CREATE reads the last commit to number the next one: an unreadable one must go first. Under the
            // write lock, so an index another process is using is never wiped (obtaining it fails instead).
            try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                for (String file : directory.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        directory.deleteFile(file);
                    }
                }
            }
            IndexWriter writer = newWriter(directory, OpenMode.CREATE);
            writer.commit();
            return new LuceneSearchIndex(directory, writer, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + dir, e);
        }
    }

    /** Why the index cannot be used as it is, or null if it can. */
    private static @Nullable String problemWith(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return "is missing";
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            String schema = reader.getIndexCommit().getUserData().get(SCHEMA_KEY);
            if (!SCHEMA_VERSION.equals(schema)) {
                return "has schema " + schema + ", not " + SCHEMA_VERSION;
            }
            return null;
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return "is unreadable (" + e + ")";
        }
    }

    private static IndexWriter newWriter(Directory directory, OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.indexing()).setOpenMode(mode);
        IndexWriter writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
        return writer;
    }

    @Override
    public SearchResults search(String query, int limit, ViewerContext viewer) {
        return withSearcher(searcher -> {
            Query lucene = queries.fullText(query, viewer, searcher.getIndexReader());
            TopDocs top = searcher.search(lucene, checkedLimit(limit));
            return new SearchResults(query, hits(searcher, top), top.totalHits.value());
        });
    }

    @Override
    public Suggestions suggest(String prefix, int limit, ViewerContext viewer) {
        Query lucene = queries.suggestions(prefix, viewer);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(lucene, checkedLimit(limit));
            List<Suggestion> items = new ArrayList<>();
            for (SearchHit hit : hits(searcher, top)) {
                items.add(new Suggestion(hit.titleId(), hit.title(), hit.posterUrl()));
            }
            return new Suggestions(prefix, items);
        });
    }

    /**
     * Looks a title up by id with a plain term query, through the same steps as a search (top docs, stored
     * fields): the cheapest query there is, the benchmark's baseline.
     */
    public Optional<SearchHit> lookup(UUID titleId) {
        Query byId = new TermQuery(new Term(ID, titleId.toString()));
        return withSearcher(searcher -> hits(searcher, searcher.search(byId, 1)).stream().findFirst());
    }

    private static int checkedLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return limit;
    }

    /** Reads the hits' stored fields with the searcher that found them (doc ids are only valid with its reader). */
    private static List<SearchHit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Document doc = stored.document(sd.doc);
            hits.add(new SearchHit(
                    UUID.fromString(doc.get(ID)),
                    doc.get(TITLE),
                    doc.getField(YEAR).numericValue().intValue(),
                    doc.get(RATING),
                    Arrays.asList(doc.getValues(GENRE)),
                    doc.get(POSTER),
                    sd.score));
        }
        return hits;
    }

    /** Runs work with an acquired searcher and releases it, whatever happens. */
    private <T> T withSearcher(SearcherFunction<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public synchronized void upsert(CatalogTitle title) {
        try {
            writer.updateDocument(new Term(ID, title.id().toString()), document(title));
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index title " + title.id(), e);
        }
    }

    @Override
    public synchronized void replaceAll(Collection<CatalogTitle> titles) {
        try {
            writer.deleteAll();
            for (CatalogTitle title : titles) {
                writer.addDocument(document(title));
            }
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the search index", e);
        }
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public long documentCount() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public CatalogChecksum checksum() {
        return withSearcher(searcher -> {
            long revisions = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues values = DocValues.getNumeric(leaf.reader(), REVISION);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        revisions += values.longValue();
                    }
                }
            }
            return new CatalogChecksum(searcher.getIndexReader().numDocs(), revisions);
        });
    }

    @Override
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** Indexed words only: the spell checker needs the terms and their document counts, nothing else. */
    private static final FieldType SPELLING_TYPE = spellingType();

    private static FieldType spellingType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static List<String> spellingSources(CatalogTitle t) {
        List<String> sources = new ArrayList<>(List.of(t.title(), t.synopsis()));
        sources.addAll(t.cast());
        sources.addAll(t.genres());
        return sources;
    }

    static Document document(CatalogTitle t) {
        Document doc = new Document();
        doc.add(new StringField(ID, t.id().toString(), Field.Store.YES));
        doc.add(new TextField(TITLE, t.title(), Field.Store.YES));
        doc.add(new TextField(TITLE_WORD_PREFIXES, t.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_PREFIXES, t.title(), Field.Store.NO));
        doc.add(new TextField(SYNOPSIS, t.synopsis(), Field.Store.NO));
        for (String name : t.cast()) {
            doc.add(new TextField(CAST, name, Field.Store.NO));
        }
        for (String genre : t.genres()) {
            doc.add(new TextField(GENRE, genre, Field.Store.YES));
        }
        for (String text : spellingSources(t)) {
            doc.add(new Field(SPELLING, text, SPELLING_TYPE));
        }
        doc.add(new StringField(KIDS, t.maturityRating().isSuitableForKids() ? "1" : "0", Field.Store.NO));
        doc.add(new StoredField(YEAR, t.year()));
        doc.add(new StoredField(RATING, t.maturityRating().label()));
        doc.add(new NumericDocValuesField(REVISION, t.revision()));
        t.firstArtwork(ArtworkView.POSTER).ifPresent(a -> doc.add(new StoredField(POSTER, t.artworkPath(a))));
        return doc;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the search index", e);
        }
    }
}
