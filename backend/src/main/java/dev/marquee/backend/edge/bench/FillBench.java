package dev.marquee.backend.edge.bench;

import dev.marquee.backend.edge.EdgeNodeStats;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import dev.marquee.backend.edge.TitleDemand;
import dev.marquee.backend.edge.fill.FillOrchestrator;
import dev.marquee.backend.edge.fill.FillPlan;
import dev.marquee.backend.edge.fill.FillPlanner;
import dev.marquee.backend.edge.fill.FillRunner;
import dev.marquee.backend.edge.fill.OffPeakWindow;
import dev.marquee.backend.edge.node.EdgeNode;
import dev.marquee.backend.edge.node.EdgeNodeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code ./marquee bench fill}: the tier-2 hit ratio at "peak" after a night of proactive fills, under a
 * Zipf-like request workload, next to the same workload on a cold node that only fills on misses.
 * The forecast is yesterday's plays (a smaller sample of the same popularity), so it is right about the head
 * and noisy about the tail, as a real one is. The platform clock is fast-forwarded: 03:00 for the night fill,
 * 20:00 for the peak.
 *
 * <p>The workload: viewer v starts title {@code i} (popularity rank) with probability {@code (1/i^s) / H(n,s)}
 * (Zipf; with s = 1 and 400 titles the first title draws 15 % of starts, the 10th 1.5 %, the 400th 0.04 %), then
 * plays its segments in order and, after each one, goes on to the next with probability {@code --continue}
 * (viewers abandon: with 0.9 and 8 segments 48 % reach the last one; 1.0 is everyone watching to the end).
 * One rung (720p) per title: every viewer of a title requests the same files. Next to the two nodes it prints a
 * bound no plan can beat: the hit ratio of a node holding, from the start, exactly the objects tonight's viewers
 * request most (known only afterwards), as many as fit in its capacity.
 *
 * <p>Options: {@code --titles N} (400), {@code --segments N} per title (8), {@code --segment-kb N} (32),
 * {@code --zipf S} (1.0), {@code --capacity-share F} of the catalogue a tier-2 node holds (0.5),
 * {@code --viewers N} (4000), {@code --forecast-plays N} (20000), {@code --continue P} (0.9).
 */
public final class FillBench {

    private static final ZoneId REGION_ZONE = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    /** Fills on loopback; the cap still applies (and is reported) so the runner's throttle is exercised. */
    private static final long FILL_CAP_BYTES_PER_S = 400L << 20;
    private static final int CLIENT_CONCURRENCY = 16;
    private static final double TARGET_HIT_RATIO = 0.97;

    public static void main(String[] args) throws Exception {
        int titles = 400;
        int segments = 8;
        int segmentKb = 32;
        double zipf = 1.0;
        double capacityShare = 0.5;
        int viewers = 4000;
        int forecastPlays = 20000;
        double goOn = 0.9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--titles" -> titles = Integer.parseInt(args[++i]);
                case "--segments" -> segments = Integer.parseInt(args[++i]);
                case "--segment-kb" -> segmentKb = Integer.parseInt(args[++i]);
                case "--zipf" -> zipf = Double.parseDouble(args[++i]);
                case "--capacity-share" -> capacityShare = Double.parseDouble(args[++i]);
                case "--viewers" -> viewers = Integer.parseInt(args[++i]);
                case "--forecast-plays" -> forecastPlays = Integer.parseInt(args[++i]);
                case "--continue" -> goOn = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: bench fill [--titles N] [--segments N] [--segment-kb N] [--zipf S] "
                            + "[--capacity-share F] [--viewers N] [--forecast-plays N] [--continue P]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("marquee-bench-fill-");
        try {
            run(work, titles, segments, segmentKb * 1024, zipf, capacityShare, viewers, forecastPlays, goOn);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path work, int titleCount, int segments, int segmentBytes, double zipf,
                            double capacityShare, int viewers, int forecastPlays, double goOn) throws Exception {
        Random random = new Random(42);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < titleCount; i++) {
            titles.add("t%04d".formatted(i));
        }
        Collections.shuffle(titles, random); // popularity rank is not the id order
        Path originRoot = work.resolve("origin");
        byte[] segment = new byte[segmentBytes];
        for (String t : titles) {
            for (int s = 1; s <= segments; s++) {
                random.nextBytes(segment);
                Path f = originRoot.resolve("titles/%s/720p/seg-%05d.ts".formatted(t, s));
                Files.createDirectories(f.getParent());
                Files.write(f, segment);
            }
        }
        long catalogBytes = (long) titleCount * segments * segmentBytes;
        long capacity = (long) (catalogBytes * capacityShare);
        byte[] key = new byte[EdgeUrlSigner.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        EdgeUrlSigner signer = new EdgeUrlSigner(key);
        double[] cdf = zipfCdf(titleCount, zipf);

        // Yesterday's plays, counted per title: the forecast.
        int[] plays = new int[titleCount];
        for (int i = 0; i < forecastPlays; i++) {
            plays[sample(cdf, random)]++;
        }
        List<TitleDemand> forecast = new ArrayList<>();
        for (int i = 0; i < titleCount; i++) {
            forecast.add(new TitleDemand(titles.get(i), plays[i]));
        }
        // Tonight's and tomorrow's viewers: the same sequence for both nodes.
        int[] watched = new int[viewers];
        int[] segmentsWatched = new int[viewers];
        int[][] requestsPerObject = new int[titleCount][segments];
        Random leaving = new Random(43); // its own stream: --continue 1 draws the same viewers as before it existed
        for (int i = 0; i < viewers; i++) {
            watched[i] = sample(cdf, random);
            int n = 1;
            while (n < segments && leaving.nextDouble() < goOn) {
                n++;
            }
            segmentsWatched[i] = n;
            for (int s = 0; s < n; s++) {
                requestsPerObject[watched[i]][s]++;
            }
        }

        System.out.printf("fill bench: %d titles x %d segments x %d KB = %d MB catalogue, tier-2 capacity %d MB (%.0f %%),"
                        + " Zipf s=%.2f, forecast from %d plays, %d viewers at peak going on after each segment with p=%.2f%n",
                titleCount, segments, segmentBytes / 1024, catalogBytes >> 20, capacity >> 20, capacityShare * 100, zipf,
                forecastPlays, viewers, goOn);
        AtomicReference<Instant> now = new AtomicReference<>(DAY.atTime(LocalTime.of(14, 0)).atZone(REGION_ZONE).toInstant());
        InstantSource clock = now::get;
        // Every node runs on the platform clock: fill URLs signed by one node are checked by another.
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, signer), clock, null);
             EdgeNode ixp = EdgeNode.start(EdgeNodeConfig.cache("ixp", EdgeTier.IXP, "us-east-1", work.resolve("ixp"),
                     catalogBytes * 2, List.of(), origin.baseUrl(), signer), clock, null);
             EdgeNode filled = EdgeNode.start(EdgeNodeConfig.cache("isp-filled", EdgeTier.ISP, "us-east-1",
                     work.resolve("isp-filled"), capacity, List.of(ixp.baseUrl()), origin.baseUrl(), signer), clock, null);
             EdgeNode cold = EdgeNode.start(EdgeNodeConfig.cache("isp-cold", EdgeTier.ISP, "us-east-1",
                     work.resolve("isp-cold"), capacity, List.of(ixp.baseUrl()), origin.baseUrl(), signer), clock, null);
             FillOrchestrator orchestrator = new FillOrchestrator(List.of(filled), (region, c) -> forecast,
                     t -> objectsOf(originRoot, t), region -> OffPeakWindow.defaultFor(REGION_ZONE), clock,
                     FILL_CAP_BYTES_PER_S)) {
            int startedAt14 = orchestrator.tick();
            now.set(DAY.plusDays(1).atTime(LocalTime.of(3, 0)).atZone(REGION_ZONE).toInstant());
            long t0 = System.nanoTime();
            int startedAt03 = orchestrator.tick();
            while (orchestrator.busy()) {
                Thread.onSpinWait();
                Thread.sleep(20); // a benchmark driver polling progress, not a test
            }
            double fillS = (System.nanoTime() - t0) / 1e9;
            FillRunner.Progress p = orchestrator.progress("isp-filled").orElseThrow();
            FillPlan plan = orchestrator.lastPlan("isp-filled").orElseThrow();
            System.out.printf("night (03:00 local; fills started at 14:00: %d, at 03:00: %d): planned %d titles, %d MB of "
                            + "%d MB budget; filled %d/%d files, %d MB in %.1f s (%.0f MB/s, cap %d MB/s), %d failures%n",
                    startedAt14, startedAt03, plan.titles().size(), plan.bytes() >> 20, plan.budgetBytes() >> 20,
                    p.filesDone(), p.filesTotal(), p.bytesDone() >> 20, fillS, p.bytesDone() / 1e6 / fillS,
                    FILL_CAP_BYTES_PER_S >> 20, p.failures());

            now.set(DAY.plusDays(1).atTime(LocalTime.of(20, 0)).atZone(REGION_ZONE).toInstant());
            double filledRatio = peak(filled, signer, titles, segmentsWatched, watched);
            double coldRatio = peak(cold, signer, titles, segmentsWatched, watched);
            System.out.printf("peak (20:00): tier-2 hit ratio after the night fill %.2f %% (target %.0f %%: %s); "
                            + "same workload on a cold node filling only on misses %.2f %%%n", filledRatio * 100,
                    TARGET_HIT_RATIO * 100, filledRatio >= TARGET_HIT_RATIO ? "met" : "NOT met", coldRatio * 100);
            long slots = capacity / segmentBytes;
            System.out.printf("bounds for %d objects held: the objects most wanted by the true popularity (Zipf x "
                            + "abandonment, known exactly) %.2f %%; tonight's most requested objects (hindsight) %.2f %%%n",
                    slots, expectedBound(cdf, segments, goOn, slots) * 100, hindsightBound(requestsPerObject, slots) * 100);
            EdgeNodeStats s = filled.statsSnapshot();
            System.out.printf("filled node: %d requests, %d hits, %d misses, %d evictions, %d MB stored%n",
                    s.requests(), s.hits(), s.misses(), s.evictions(), s.storedBytes() >> 20);
        }
    }

    /**
     * The expected hit ratio of a static cache holding the {@code slots} objects with the most expected requests
     * (title share from the Zipf times the share of its viewers reaching the segment): the best plan a perfect
     * forecast could make.
     */
    private static double expectedBound(double[] cdf, int segments, double goOn, long slots) {
        double[] expected = new double[cdf.length * segments];
        for (int i = 0; i < cdf.length; i++) {
            double share = cdf[i] - (i == 0 ? 0 : cdf[i - 1]);
            for (int s = 0; s < segments; s++) {
                expected[i * segments + s] = share * Math.pow(goOn, s);
            }
        }
        Arrays.sort(expected);
        double total = Arrays.stream(expected).sum();
        double held = 0;
        for (int i = expected.length - 1; i >= 0 && expected.length - i <= slots; i--) {
            held += expected[i];
        }
        return held / total;
    }

    /**
     * The hit ratio of a static cache holding the {@code slots} most requested objects: what a perfect plan would
     * get if nothing were filled reactively (reactive fills can add a little for objects requested twice).
     */
    private static double hindsightBound(int[][] requestsPerObject, long slots) {
        int[] counts = Arrays.stream(requestsPerObject).flatMapToInt(Arrays::stream).sorted().toArray();
        long total = Arrays.stream(counts).asLongStream().sum();
        long held = 0;
        for (int i = counts.length - 1; i >= 0 && counts.length - i <= slots; i--) {
            held += counts[i];
        }
        return (double) held / total;
    }

    /** Plays every viewer's title (its first segments, as many as they watch) against the node; returns the hit ratio. */
    private static double peak(EdgeNode node, EdgeUrlSigner signer, List<String> titles, int[] segmentsWatched,
                               int[] watched) throws Exception {
        EdgeNodeStats before = node.statsSnapshot();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore slots = new Semaphore(CLIENT_CONCURRENCY);
        List<CompletableFuture<?>> all = new ArrayList<>();
        // Valid on the node's clock too, which the benchmark has moved to tomorrow evening.
        Instant expires = Instant.now().plus(Duration.ofDays(3));
        for (int v = 0; v < watched.length; v++) {
            for (int s = 1; s <= segmentsWatched[v]; s++) {
                String path = "/titles/%s/720p/seg-%05d.ts".formatted(titles.get(watched[v]), s);
                URI uri = URI.create(node.baseUrl() + signer.sign(path, expires, "viewer-" + v));
                slots.acquire();
                all.add(http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> slots.release()));
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        http.close();
        EdgeNodeStats after = node.statsSnapshot();
        long hits = after.hits() - before.hits();
        long misses = after.misses() - before.misses();
        return (double) hits / (hits + misses);
    }

    private static List<FillPlanner.OriginObject> objectsOf(Path originRoot, String titleId) {
        Path dir = originRoot.resolve("titles").resolve(titleId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> new FillPlanner.OriginObject(originRoot.relativize(f).toString(), f.toFile().length()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, Random random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
