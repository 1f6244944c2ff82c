package dev.marquee.backend.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.catalog.CatalogChecksum;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.MaturityRating;
import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {

    /** Sample-like titles among generated ones, so that ranking has competition. */
    private static final int GENERATED = 300;
    private static final int LIMIT = 10;

    @TempDir
    Path dir;

    private final List<CatalogTitle> titles = new ArrayList<>();
    private LuceneSearchIndex index;

    @BeforeEach
    void indexCatalog() {
        titles.addAll(SyntheticCatalog.sampleLike());
        titles.addAll(SyntheticCatalog.generate(GENERATED, 7));
        index = LuceneSearchIndex.open(dir);
        index.replaceAll(titles);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsByTitle() {
        assertThat(top("mandelbrot descent")).isEqualTo("Mandelbrot Descent");
        assertThat(top("Pixel Parade")).isEqualTo("Pixel Parade");
    }

    @Test
    void findsBySynopsis() {
        assertThat(top("coastline")).isEqualTo("Mandelbrot Descent");
        assertThat(top("botanist apple")).isEqualTo("The Orbit Garden");
    }

    @Test
    void findsByCast() {
        assertThat(top("Ada Quill")).isEqualTo("Mandelbrot Descent");
        assertThat(top("otto haddad")).isEqualTo("Test Card Symphony");
    }

    @Test
    void findsByGenre() {
        List<String> documentaries = titles("documentary", ViewerContext.ADULT, 1000);
        assertThat(documentaries).contains("Mandelbrot Descent", "Test Card Symphony").doesNotContain("Static Storm");
        long expected = titles.stream().filter(t -> t.genres().contains("Documentary")).count();
        assertThat(documentaries).hasSize((int) expected);
    }

    @Test
    void findsTitleDespiteTypos() {
        assertThat(top("mandlebrot")).isEqualTo("Mandelbrot Descent");
        assertThat(top("gradeint dreams")).isEqualTo("Gradient Dreams");
        assertThat(top("symfony")).isEqualTo("Test Card Symphony");
    }

    @Test
    void shortWordsMustMatchExactly() {
        assertThat(SearchQueries.maxEdits("ox")).isZero();
        assertThat(SearchQueries.maxEdits("storm")).isEqualTo(1);
        assertThat(SearchQueries.maxEdits("mandelbrot")).isEqualTo(2);
    }

    @Test
    void suggestsTitlesByPrefix() {
        assertThat(suggestions("mand", ViewerContext.ADULT)).first().isEqualTo("Mandelbrot Descent");
        assertThat(suggestions("Gradient dr", ViewerContext.ADULT)).containsExactly("Gradient Dreams");
        assertThat(suggestions("desc", ViewerContext.ADULT)).contains("Mandelbrot Descent");
    }

    @Test
    void kidsDoNotFindMatureTitles() {
        assertThat(titles("static storm", ViewerContext.ADULT, LIMIT)).first().isEqualTo("Static Storm");
        assertThat(titles("static storm", ViewerContext.KIDS, LIMIT)).doesNotContain("Static Storm");
        assertThat(suggestions("stat", ViewerContext.KIDS)).doesNotContain("Static Storm");
        assertThat(titles("gradient", ViewerContext.KIDS, LIMIT)).contains("Gradient Dreams");

        List<SearchHit> kidsDramas = index.search("drama", 1000, ViewerContext.KIDS).hits();
        List<SearchHit> allDramas = index.search("drama", 1000, ViewerContext.ADULT).hits();
        assertThat(kidsDramas).isNotEmpty().hasSizeLessThan(allDramas.size());
        assertThat(kidsDramas).allMatch(h -> MaturityRating.parse(h.maturityRating()).isSuitableForKids());
    }

    @Test
    void treatsQuerySyntaxAsText() {
        assertThat(index.search("R&D: (1999) \"quoted ~2 *", LIMIT, ViewerContext.ADULT).hits()).isNotNull();
        assertThat(index.search("the of and", LIMIT, ViewerContext.ADULT).hits()).isEmpty();
    }

    @Test
    void upsertReplacesTheIndexedCopy() {
        CatalogTitle before = SyntheticCatalog.sampleLike().getFirst();
        CatalogTitle after = new CatalogTitle(before.id(), "Julia Ascent", before.synopsis(), before.year(),
                before.maturityRating(), before.duration(), before.genres(), before.cast(), before.artwork(),
                before.renditions(), before.masterPlaylistKey(), before.publishedAt(), before.revision() + 1);

        index.upsert(after);

        assertThat(index.documentCount()).isEqualTo(titles.size());
        assertThat(top("julia ascent")).isEqualTo("Julia Ascent");
        assertThat(titles("mandelbrot descent", ViewerContext.ADULT, LIMIT)).doesNotContain("Mandelbrot Descent");
    }

    @Test
    void survivesRestart() {
        index.close();
        index = LuceneSearchIndex.open(dir);

        assertThat(index.needsRebuild()).isFalse();
        assertThat(index.documentCount()).isEqualTo(titles.size());
        assertThat(top("mandlebrot")).isEqualTo("Mandelbrot Descent");
        assertThat(SearchIndexer.reconcile(index, checksumOf(titles), () -> titles)).isFalse();
    }

    @Test
    void rebuildsFromCatalogWhenDeleted() throws IOException {
        index.close();
        deleteRecursively(dir);
        index = LuceneSearchIndex.open(dir);
        assertThat(index.needsRebuild()).isTrue();
        assertThat(index.documentCount()).isZero();

        assertThat(SearchIndexer.reconcile(index, checksumOf(titles), () -> titles)).isTrue();

        assertThat(index.documentCount()).isEqualTo(titles.size());
        assertThat(top("mandelbrot")).isEqualTo("Mandelbrot Descent");
    }

    @Test
    void rebuildsFromCatalogWhenCorrupt() throws IOException {
        index.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(segments, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        index = LuceneSearchIndex.open(dir);
        assertThat(index.needsRebuild()).isTrue();

        SearchIndexer.reconcile(index, checksumOf(titles), () -> titles);

        assertThat(top("ada quill")).isEqualTo("Mandelbrot Descent");
    }

    @Test
    void refusesAnIndexAnotherWriterHolds() {
        assertThatThrownBy(() -> LuceneSearchIndex.open(dir)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(LockObtainFailedException.class);
        assertThat(index.documentCount()).isEqualTo(titles.size());
    }

    @Test
    void rebuildsWhenTheIndexMissesTitles() {
        List<CatalogTitle> catalog = new ArrayList<>(titles);
        catalog.addAll(SyntheticCatalog.generate(3, 99));

        assertThat(SearchIndexer.reconcile(index, checksumOf(catalog), () -> catalog)).isTrue();
        assertThat(index.documentCount()).isEqualTo(catalog.size());
    }

    @Test
    void rebuildsWhenTheIndexMissedAnUpdate() {
        List<CatalogTitle> catalog = new ArrayList<>(titles);
        CatalogTitle t = catalog.removeFirst();
        catalog.addFirst(new CatalogTitle(t.id(), "Julia Ascent", t.synopsis(), t.year(), t.maturityRating(),
                t.duration(), t.genres(), t.cast(), t.artwork(), t.renditions(), t.masterPlaylistKey(),
                t.publishedAt(), t.revision() + 1));
        assertThat(index.checksum()).isEqualTo(checksumOf(titles));

        assertThat(SearchIndexer.reconcile(index, checksumOf(catalog), () -> catalog)).isTrue();

        assertThat(index.checksum()).isEqualTo(checksumOf(catalog));
        assertThat(top("julia ascent")).isEqualTo("Julia Ascent");
    }

    private static CatalogChecksum checksumOf(List<CatalogTitle> catalog) {
        return new CatalogChecksum(catalog.size(), catalog.stream().mapToLong(CatalogTitle::revision).sum());
    }

    private String top(String query) {
        List<String> found = titles(query, ViewerContext.ADULT, LIMIT);
        assertThat(found).as("hits for \"%s\"", query).isNotEmpty();
        return found.getFirst();
    }

    private List<String> titles(String query, ViewerContext viewer, int limit) {
        return index.search(query, limit, viewer).hits().stream().map(SearchHit::title).toList();
    }

    private List<String> suggestions(String prefix, ViewerContext viewer) {
        return index.suggest(prefix, LIMIT, viewer).items().stream().map(Suggestion::title).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
