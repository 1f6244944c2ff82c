package dev.marquee.backend.search;

import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.search.internal.LuceneSearchIndex;
import dev.marquee.backend.search.internal.SyntheticCatalog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * {@code ./marquee bench search}: indexes the sample-like titles plus 10,000 generated ones in a temporary
 * directory, then times single queries of each kind (full text, typo, typeahead prefix) round-robin for a bounded
 * time, next to the cheapest query there is (an id lookup) as the reference of the same run. Also times Lucene's
 * {@link AnalyzingInfixSuggester} on the same prefixes, the alternative to the index's edge n-gram typeahead.
 *
 * <p>Options: {@code --titles N} (generated titles, default 10000), {@code --seconds S} (measuring time, default
 * 10), {@code --seed N}. Target: p99 under 50 ms for every kind.
 */
public final class SearchBenchmark {

    static final int DEFAULT_TITLES = 10_000;
    static final int DEFAULT_SECONDS = 10;
    /** Long enough for the JIT to compile the query paths on 2 cores. */
    static final Duration WARMUP = Duration.ofSeconds(3);
    /** Queries per kind at most, so a fast machine does not run the full time for nothing. */
    static final int MAX_QUERIES_PER_KIND = 100_000;
    /** Distinct queries generated per kind; cycled through while measuring. */
    static final int QUERIES_PER_KIND = 2_000;
    /** Share of queries made for a kids profile (adds the kids filter). */
    static final double KIDS_SHARE = 0.25;
    static final int LIMIT = 20;
    static final int SUGGEST_LIMIT = 8;
    static final double TARGET_P99_MS = 50;
    /** Histogram range in microseconds: up to 10 s, 3 significant digits. */
    static final long MAX_RECORDED_US = 10_000_000;

    private SearchBenchmark() {}

    public static void main(String[] args) throws IOException {
        int generated = intOption(args, "--titles", DEFAULT_TITLES);
        int seconds = intOption(args, "--seconds", DEFAULT_SECONDS);
        long seed = intOption(args, "--seed", 42);
        Path dir = Files.createTempDirectory("marquee-search-bench");
        try {
            run(dir, generated, Duration.ofSeconds(seconds), seed);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void run(Path dir, int generated, Duration measure, long seed) throws IOException {
        List<CatalogTitle> titles = new ArrayList<>(SyntheticCatalog.sampleLike());
        titles.addAll(SyntheticCatalog.generate(generated, seed));
        Random random = new Random(seed + 1);
        Workload work = Workload.of(titles, random);

        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"));
                AnalyzingInfixSuggester infix = infixSuggester(dir.resolve("infix"), titles)) {
            long started = System.nanoTime();
            index.replaceAll(titles);
            long buildMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(Locale.ROOT, "search benchmark: %d titles (%d sample-like + %d generated, seed %d);"
                            + " index built in %d ms, %.1f MB on disk%n", titles.size(), titles.size() - generated,
                    generated, seed, buildMs, sizeBytes(dir.resolve("index")) / 1e6);

            Map<String, IntConsumer> kinds = new LinkedHashMap<>();
            kinds.put("baseline: id term query", i -> index.lookup(work.ids.get(i).id()).orElseThrow());
            kinds.put("full text", i -> index.search(work.fullText.get(i), LIMIT, work.viewer(i)));
            kinds.put("typo (fuzzy)", i -> index.search(work.typos.get(i), LIMIT, work.viewer(i)));
            kinds.put("typeahead (edge n-grams)", i -> index.suggest(work.prefixes.get(i), SUGGEST_LIMIT,
                    work.viewer(i)));
            kinds.put("typeahead (AnalyzingInfixSuggester)", i -> infixLookup(infix, work.prefixes.get(i),
                    work.viewer(i)));

            loop(kinds, WARMUP, null);
            Map<String, Histogram> latencies = new LinkedHashMap<>();
            kinds.keySet().forEach(k -> latencies.put(k, new Histogram(MAX_RECORDED_US, 3)));
            loop(kinds, measure, latencies);
            report(latencies);
            System.out.printf(Locale.ROOT, "system load average (1 min) at the end: %.1f on %d cores: other work on"
                    + " the machine inflates the tails, the ratios less so%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            long hits = index.search("mandlebrot", LIMIT, ViewerContext.ADULT).hits().stream()
                    .filter(h -> h.title().startsWith("Mandelbrot")).count();
            System.out.println("check: typo 'mandlebrot' finds 'Mandelbrot Descent': " + (hits > 0));
        }
    }

    /** Runs the kinds round-robin (so drift on a shared machine hits all alike) until the time is up. */
    private static void loop(Map<String, IntConsumer> kinds, Duration time, Map<String, Histogram> latencies) {
        long deadline = System.nanoTime() + time.toNanos();
        for (int i = 0; i < MAX_QUERIES_PER_KIND && System.nanoTime() < deadline; i++) {
            int query = i % QUERIES_PER_KIND;
            for (var kind : kinds.entrySet()) {
                long start = System.nanoTime();
                kind.getValue().accept(query);
                long us = (System.nanoTime() - start) / 1_000;
                if (latencies != null) {
                    latencies.get(kind.getKey()).recordValue(Math.min(us, MAX_RECORDED_US));
                }
            }
        }
    }

    private static void report(Map<String, Histogram> latencies) {
        Histogram base = latencies.values().iterator().next();
        System.out.printf(Locale.ROOT, "%-38s %7s %8s %8s %8s %8s %9s %9s%n", "query kind", "count", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "p50/base", "p99/base");
        boolean met = true;
        for (var e : latencies.entrySet()) {
            Histogram h = e.getValue();
            System.out.printf(Locale.ROOT, "%-38s %7d %8.3f %8.3f %8.3f %8.3f %9.1f %9.1f%n", e.getKey(),
                    h.getTotalCount(), ms(h, 50), ms(h, 95), ms(h, 99), h.getMaxValue() / 1e3,
                    ms(h, 50) / ms(base, 50), ms(h, 99) / ms(base, 99));
            met &= ms(h, 99) < TARGET_P99_MS;
        }
        System.out.printf(Locale.ROOT, "target p99 < %.0f ms for every kind: %s%n", TARGET_P99_MS,
                met ? "met" : "NOT met");
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    /** The queries of the run, generated from the titles themselves so that most of them have answers. */
    private record Workload(
            List<CatalogTitle> ids, List<String> fullText, List<String> typos, List<String> prefixes,
            boolean[] kids) {

        static Workload of(List<CatalogTitle> titles, Random random) {
            List<CatalogTitle> ids = new ArrayList<>();
            List<String> fullText = new ArrayList<>();
            List<String> typos = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            boolean[] kids = new boolean[QUERIES_PER_KIND];
            for (int i = 0; i < QUERIES_PER_KIND; i++) {
                CatalogTitle t = titles.get(random.nextInt(titles.size()));
                ids.add(t);
                List<String> titleWords = words(t.title());
                List<String> synopsisWords = words(t.synopsis());
                String titleWord = titleWords.get(random.nextInt(titleWords.size()));
                fullText.add(switch (random.nextInt(4)) {
                    case 0 -> t.title();
                    case 1 -> titleWord + " " + synopsisWords.get(random.nextInt(synopsisWords.size()));
                    case 2 -> t.cast().get(random.nextInt(t.cast().size()));
                    default -> t.genres().getFirst() + " " + synopsisWords.get(random.nextInt(synopsisWords.size()));
                });
                typos.add(typo(longest(titleWords), random));
                int length = Math.min(titleWord.length(), 2 + random.nextInt(4));
                prefixes.add(titleWord.substring(0, length));
                kids[i] = random.nextDouble() < KIDS_SHARE;
            }
            return new Workload(ids, fullText, typos, prefixes, kids);
        }

        ViewerContext viewer(int i) {
            return kids[i] ? ViewerContext.KIDS : ViewerContext.ADULT;
        }

        private static List<String> words(String text) {
            return Stream.of(text.split("[^\\p{L}]+")).filter(w -> w.length() > 1).toList();
        }

        private static String longest(List<String> words) {
            return words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        }

        /** One typing slip: two letters swapped, one dropped or one replaced. */
        private static String typo(String word, Random random) {
            if (word.length() < 4) {
                return word;
            }
            int at = 1 + random.nextInt(word.length() - 2);
            return switch (random.nextInt(3)) {
                case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
                case 1 -> word.substring(0, at) + word.substring(at + 1);
                default -> word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);
            };
        }
    }

    private static final BytesRef KIDS_CONTEXT = new BytesRef("kids");
    private static final BytesRef ADULT_CONTEXT = new BytesRef("adult");

    private static AnalyzingInfixSuggester infixSuggester(Path dir, List<CatalogTitle> titles) throws IOException {
        AnalyzingInfixSuggester suggester =
                new AnalyzingInfixSuggester(new MMapDirectory(dir), new StandardAnalyzer(CharArraySet.EMPTY_SET));
        suggester.build(new TitleInputs(titles));
        return suggester;
    }

    private static void infixLookup(AnalyzingInfixSuggester suggester, String prefix, ViewerContext viewer) {
        try {
            suggester.lookup(prefix, viewer.kids() ? Set.of(KIDS_CONTEXT) : null, SUGGEST_LIMIT, true, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Titles as suggester input: text = title, payload = id, context = who may see it. */
    private static final class TitleInputs implements InputIterator {
        private final List<CatalogTitle> titles;
        private int next;

        TitleInputs(List<CatalogTitle> titles) {
            this.titles = titles;
        }

        private CatalogTitle current() {
            return titles.get(next - 1);
        }

        @Override
        public BytesRef next() {
            return next < titles.size() ? new BytesRef(titles.get(next++).title()) : null;
        }

        @Override
        public long weight() {
            return current().year();
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(current().id().toString());
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return current().maturityRating().isSuitableForKids() ? Set.of(KIDS_CONTEXT, ADULT_CONTEXT)
                    : Set.of(ADULT_CONTEXT);
        }

        @Override
        public boolean hasContexts() {
            return true;
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static long sizeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
