package dev.marquee.backend.edge.bench;

import dev.marquee.backend.edge.EdgeNodeStats;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeSteering;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import dev.marquee.backend.edge.fill.FillForecast;
import dev.marquee.backend.edge.fill.FillOrchestrator;
import dev.marquee.backend.edge.fill.FillPlan;
import dev.marquee.backend.edge.fill.FillPlanner;
import dev.marquee.backend.edge.fill.FillRunner;
import dev.marquee.backend.edge.fill.OffPeakWindow;
import dev.marquee.backend.edge.internal.DemandForecast;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code ./marquee bench fill}: the tier-2 hit ratio at "peak" after a night of proactive fills, for a sweep of
 * node capacities, next to the bounds no plan can beat and to a cold node that only fills on misses.
 * Everything is the product's code: nodes, {@link DemandForecast}, {@link FillOrchestrator}, planner and runner.
 *
 * <p>The day, on a fast-forwarded platform clock: yesterday at 20:00 {@code --yesterday-viewers} plays (the
 * workload of {@link FillWorkload}) are spread over the region's tier-2 nodes, each play reported to the forecast
 * as the playback module does, each request served (and counted) by a node. At 03:00 the orchestrator's tick hands
 * the nodes' request counts to the forecast and fills every node from it. At 20:00 tonight {@code --viewers} new
 * plays (same popularity, other draws) are played against each node in turn. Reported per node: the request hit
 * ratio (what the node's stats count) and the byte hit ratio (bytes not fetched from upstream); bounds: the best
 * static content for the capacity with popularity known exactly, and with tonight's requests known (hindsight).
 * At the default capacity it also fills a node with the same plays but no measured shares (the planner's assumed
 * retention, every rung alike), to show what the edges' counts buy.
 *
 * <p>Options: {@code --titles N} (400), {@code --segments N} per title and rung (8), {@code --segment-kb N} at the
 * top rung (16), {@code --zipf S} (1.0), {@code --capacity-share F} of the catalogue bytes per tier-2 node (the
 * default, judged against the target; 0.5), {@code --sweep F,F,…} (0.5,0.65,0.8,0.9), {@code --site-nodes N} nodes
 * per ISP site sharing its capacity (1; with more, titles are placed by {@code ContentPlacement} and each play is
 * steered by {@code EdgeSteering} to the site's node for its title), {@code --viewers N} (4000),
 * {@code --yesterday-viewers N} (8000), {@code --continue P} (0.9), {@code --seed N} (42).
 */
public final class FillBench {

    private static final ZoneId REGION_ZONE = ZoneId.of("America/New_York");
    private static final String REGION = "us-east-1";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    /** Fills on loopback; the cap still applies (and is reported) so the runner's throttle is exercised. */
    private static final long FILL_CAP_BYTES_PER_S = 400L << 20;
    private static final int CLIENT_CONCURRENCY = 16;
    private static final double TARGET_HIT_RATIO = 0.97;
    /**
     * One I/O thread per node, as the backend's fleet runs them (application.yaml): each thread keeps up to 512
     * files open (OpenFiles), and a dozen nodes over a 16 000-object catalogue would otherwise run out of
     * descriptors.
     */
    private static final int IO_THREADS = 1;
    /** The ISP the bench's viewers and tier-2 nodes belong to (steering matches on it). */
    private static final String BENCH_ISP = "bench-isp";

    private record Options(int titles, int segments, int segmentKb, double zipf, double capacityShare,
                           List<Double> sweep, int siteNodes, int viewers, int yesterdayViewers, double goOn, long seed) {}

    /** What a node answered at peak. */
    private record Peak(double hitRatio, double byteHitRatio) {}

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (RuntimeException e) {
            System.err.println("bench fill: " + e.getMessage() + "\nusage: bench fill [--titles N] [--segments N] "
                    + "[--segment-kb N] [--zipf S] [--capacity-share F] [--sweep F,F,...] [--site-nodes N] [--viewers N] "
                    + "[--yesterday-viewers N] [--continue P] [--seed N]");
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("marquee-bench-fill-");
        try {
            run(work, o);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Options parse(String[] args) {
        int titles = 400;
        int segments = 8;
        int segmentKb = 16;
        double zipf = 1.0;
        double share = 0.5;
        List<Double> sweep = List.of(0.5, 0.65, 0.8, 0.9);
        int siteNodes = 1;
        int viewers = 4000;
        int yesterday = 8000;
        double goOn = 0.9;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--titles" -> titles = Integer.parseInt(value);
                case "--segments" -> segments = Integer.parseInt(value);
                case "--segment-kb" -> segmentKb = Integer.parseInt(value);
                case "--zipf" -> zipf = Double.parseDouble(value);
                case "--capacity-share" -> share = Double.parseDouble(value);
                case "--sweep" -> sweep = Stream.of(value.split(",")).map(Double::parseDouble).toList();
                case "--site-nodes" -> siteNodes = Integer.parseInt(value);
                case "--viewers" -> viewers = Integer.parseInt(value);
                case "--yesterday-viewers" -> yesterday = Integer.parseInt(value);
                case "--continue" -> goOn = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        for (double s : new TreeSet<>(sweep)) {
            if (!(s > 0 && s <= 1)) {
                throw new IllegalArgumentException("capacity shares must be in (0, 1]: " + s);
            }
        }
        if (!(share > 0 && share <= 1) || titles < 1 || segments < 1 || segmentKb < 1 || viewers < 1
                || yesterday < 1 || siteNodes < 1 || !(goOn >= 0 && goOn <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return new Options(titles, segments, segmentKb, zipf, share, sweep, siteNodes, viewers, yesterday, goOn, seed);
    }

    private static void run(Path work, Options o) throws Exception {
        Random random = new Random(o.seed());
        FillWorkload workload = new FillWorkload(o.titles(), o.zipf(), o.segments(), o.segmentKb() * 1024, o.goOn(),
                random);
        Path originRoot = work.resolve("origin");
        for (int t = 0; t < workload.titles(); t++) {
            for (int r = 0; r < FillWorkload.RUNGS.size(); r++) {
                byte[] segment = new byte[workload.segmentBytes(r)];
                for (int s = 1; s <= workload.segments(); s++) {
                    random.nextBytes(segment);
                    Path f = originRoot.resolve(workload.key(t, r, s));
                    Files.createDirectories(f.getParent());
                    Files.write(f, segment);
                }
            }
        }
        long catalogue = workload.catalogueBytes();
        List<FillWorkload.Viewer> yesterday = workload.viewers(o.yesterdayViewers(), random, new Random(o.seed() + 1));
        List<FillWorkload.Viewer> tonight = workload.viewers(o.viewers(), random, new Random(o.seed() + 2));
        TreeSet<Double> shares = new TreeSet<>(o.sweep());
        shares.add(o.capacityShare());
        System.out.printf("fill bench: %d titles x %d rungs (%s, %d KB segments at the top, halving per rung) x %d "
                        + "segments = %d MB catalogue; Zipf s=%.2f; viewers go on after each segment with p=%.2f; "
                        + "%d plays yesterday, %d tonight; %d tier-2 node(s) per ISP site; seed %d%n",
                o.titles(), FillWorkload.RUNGS.size(), String.join("/", FillWorkload.RUNGS), o.segmentKb(),
                o.segments(), catalogue >> 20, o.zipf(), o.goOn(), o.yesterdayViewers(), o.viewers(), o.siteNodes(),
                o.seed());

        byte[] key = new byte[EdgeUrlSigner.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        EdgeUrlSigner signer = new EdgeUrlSigner(key);
        AtomicReference<Instant> now = new AtomicReference<>(at(DAY, 20));
        InstantSource clock = now::get;
        DemandForecast forecast = new DemandForecast(originRoot, clock);
        List<EdgeNode> opened = new ArrayList<>();
        try {
            // Every node runs on the platform clock: fill URLs signed by one node are checked by another.
            EdgeNode origin = open(opened, EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, signer)
                    .withIoThreads(IO_THREADS), clock, null));
            EdgeNode ixp = open(opened, EdgeNode.start(EdgeNodeConfig.cache("ixp", EdgeTier.IXP, REGION,
                    work.resolve("ixp"), catalogue * 2, List.of(), origin.baseUrl(), signer).withIoThreads(IO_THREADS), clock, null));
            // One ISP site per capacity of the sweep, its capacity split evenly over --site-nodes nodes.
            List<List<EdgeNode>> sites = new ArrayList<>();
            List<EdgeNode> filled = new ArrayList<>();
            Map<String, String> siteOf = new HashMap<>();
            for (double share : shares) {
                List<EdgeNode> site = new ArrayList<>();
                for (int k = 0; k < o.siteNodes(); k++) {
                    String id = "isp-" + percent(share) + (o.siteNodes() == 1 ? "" : "-" + (char) ('a' + k));
                    site.add(open(opened, tier2(work, id, (long) (catalogue * share / o.siteNodes()), ixp, origin,
                            signer, clock)));
                    siteOf.put(id, "isp-" + percent(share));
                }
                sites.add(site);
                filled.addAll(site);
            }
            long defaultCapacity = (long) (catalogue * o.capacityShare());
            EdgeNode cold = open(opened, tier2(work, "cold", defaultCapacity, ixp, origin, signer, clock));
            EdgeNode assumed = open(opened, tier2(work, "assumed", defaultCapacity, ixp, origin, signer, clock));

            try (FillOrchestrator orchestrator = new FillOrchestrator(filled, forecast::outlook,
                    forecast::recordRequests, t -> objectsOf(originRoot, t),
                    region -> OffPeakWindow.defaultFor(REGION_ZONE), n -> siteOf.get(n.id()), clock,
                    FILL_CAP_BYTES_PER_S)) {
                // Yesterday's peak: the region's viewers spread over its tier-2 nodes, plays reported as playback does.
                List<List<FillWorkload.Viewer>> perNode = new ArrayList<>();
                filled.forEach(n -> perNode.add(new ArrayList<>()));
                for (int i = 0; i < yesterday.size(); i++) {
                    perNode.get(i % filled.size()).add(yesterday.get(i));
                    forecast.recordPlay(REGION, workload.titleId(yesterday.get(i).title()));
                }
                for (int i = 0; i < filled.size(); i++) {
                    EdgeNode n = filled.get(i);
                    play(List.of(n), v -> n, signer, workload, perNode.get(i));
                }

                now.set(at(DAY.plusDays(1), 3));
                long t0 = System.nanoTime();
                int started = orchestrator.tick();
                FillForecast outlook = forecast.outlook(REGION, clock);
                FillPlan assumedPlan = FillPlanner.plan(assumed.id(), defaultCapacity,
                        FillForecast.ofTitles(outlook.titles()), t -> objectsOf(originRoot, t));
                new FillRunner(assumed, assumedPlan, FILL_CAP_BYTES_PER_S).run();
                while (orchestrator.busy()) {
                    Thread.sleep(20); // a benchmark driver polling progress, not a test
                }
                double fillS = (System.nanoTime() - t0) / 1e9;
                System.out.printf("night (03:00 local): %d nodes filled in %.1f s (cap %d MB/s each); forecast: %d "
                                + "titles, requests measured for %.0f plays%n", started, fillS,
                        FILL_CAP_BYTES_PER_S >> 20, outlook.titles().size(), measuredPlays(outlook, workload));
                for (EdgeNode n : filled) {
                    FillRunner.Progress p = orchestrator.progress(n.id()).orElseThrow();
                    FillPlan plan = orchestrator.lastPlan(n.id()).orElseThrow();
                    System.out.printf("  %-8s planned %4d titles, %4d MB of %4d MB; filled %d/%d files, %d failures%n",
                            n.id(), plan.titles().size(), plan.bytes() >> 20, plan.budgetBytes() >> 20,
                            p.filesDone(), p.filesTotal(), p.failures());
                }

                now.set(at(DAY.plusDays(1), 20));
                Map<String, Double> expected = workload.expectedRequests();
                Map<String, Double> tonightRequests = workload.requestCounts(tonight);
                System.out.printf("peak (20:00), the same %d plays on each site. node: requests served from the site's disks "
                        + "(bytes in brackets); plan: the planned content alone, scored on tonight's requests; exact: "
                        + "the best content for the capacity with popularity known exactly, on tonight's requests "
                        + "(expected in brackets); hindsight: the best content for tonight's requests%n", o.viewers());
                System.out.printf("  %-8s  %-18s  %-8s  %-18s  %-9s  %s%n", "capacity", "node", "plan", "exact",
                        "hindsight", "node / exact");
                Peak atDefault = null;
                int i = 0;
                for (double share : shares) {
                    List<EdgeNode> site = sites.get(i++);
                    long capacity = (long) (catalogue * share);
                    Set<String> planned = new HashSet<>();
                    site.forEach(n -> planned.addAll(orchestrator.lastPlan(n.id()).orElseThrow().keys()));
                    Set<String> best = workload.bestStatic(expected, capacity);
                    Peak p = play(site, steer(site, workload), signer, workload, tonight);
                    double exactTonight = FillWorkload.hitShare(tonightRequests, best);
                    System.out.printf("  %6.0f %%  %6.2f %% (%5.1f %%)  %6.2f %%  %6.2f %% (%6.2f %%)  %7.2f %%  %6.1f %%%s%n",
                            share * 100, p.hitRatio() * 100, p.byteHitRatio() * 100,
                            FillWorkload.hitShare(tonightRequests, planned) * 100, exactTonight * 100,
                            FillWorkload.hitShare(expected, best) * 100,
                            FillWorkload.hitShare(tonightRequests, workload.bestStatic(tonightRequests, capacity)) * 100,
                            p.hitRatio() / exactTonight * 100, share == o.capacityShare() ? "   <- default" : "");
                    if (share == o.capacityShare()) {
                        atDefault = p;
                    }
                }
                Peak noShares = play(List.of(assumed), v -> assumed, signer, workload, tonight);
                Peak coldPeak = play(List.of(cold), v -> cold, signer, workload, tonight);
                System.out.printf("at the default %.0f %%: plan without measured shares (assumed retention, every rung "
                                + "alike) %.2f %% (%.1f %%); cold node filling only on misses %.2f %% (%.1f %%)%n",
                        o.capacityShare() * 100, noShares.hitRatio() * 100, noShares.byteHitRatio() * 100,
                        coldPeak.hitRatio() * 100, coldPeak.byteHitRatio() * 100);
                double result = atDefault == null ? 0 : atDefault.hitRatio();
                System.out.printf("result: tier-2 hit ratio at peak %.2f %% at %.0f %% of the catalogue per ISP site; "
                                + "target %.0f %%: %s%n", result * 100, o.capacityShare() * 100,
                        TARGET_HIT_RATIO * 100, result >= TARGET_HIT_RATIO ? "MET" : "NOT MET");
            }
        } finally {
            for (EdgeNode n : opened.reversed()) {
                n.close();
            }
        }
    }

    private static EdgeNode open(List<EdgeNode> opened, EdgeNode node) {
        opened.add(node);
        return node;
    }

    private static EdgeNode tier2(Path work, String id, long capacity, EdgeNode ixp, EdgeNode origin,
                                  EdgeUrlSigner signer, InstantSource clock) {
        return EdgeNode.start(EdgeNodeConfig.cache(id, EdgeTier.ISP, REGION, work.resolve(id), capacity,
                List.of(ixp.baseUrl()), origin.baseUrl(), signer).withIoThreads(IO_THREADS), clock, null);
    }

    private static String percent(double share) {
        return Long.toString(Math.round(share * 100));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(REGION_ZONE).toInstant();
    }

    private static double measuredPlays(FillForecast outlook, FillWorkload workload) {
        double plays = 0;
        for (int t = 0; t < workload.titles(); t++) {
            plays += outlook.shares().plays(workload.titleId(t));
        }
        return plays;
    }

    /**
     * Steering for a site: each play goes to the first node {@link EdgeSteering} ranks for its title among the
     * site's nodes, as the playback manifest would send it (holders first, then the title's placement order).
     */
    private static Function<FillWorkload.Viewer, EdgeNode> steer(List<EdgeNode> site, FillWorkload workload) {
        List<EdgeNodeView> views = new ArrayList<>();
        Map<URI, EdgeNode> byUrl = new HashMap<>();
        for (EdgeNode n : site) {
            views.add(new EdgeNodeView(n.id(), EdgeTier.ISP, REGION, BENCH_ISP, n.baseUrl(), n.state(), n.listening(),
                    n.statsSnapshot(), n.cachedTitles()));
            byUrl.put(n.baseUrl(), n);
        }
        return v -> byUrl.get(EdgeSteering.rank(views, REGION, BENCH_ISP, workload.titleId(v.title())).getFirst());
    }

    /**
     * Plays every viewer's requests against the node {@code route} gives for it, {@link #CLIENT_CONCURRENCY} at a
     * time; the ratios are over all of {@code nodes}.
     */
    private static Peak play(List<EdgeNode> nodes, Function<FillWorkload.Viewer, EdgeNode> route,
                             EdgeUrlSigner signer, FillWorkload workload, List<FillWorkload.Viewer> viewers)
            throws Exception {
        EdgeNodeStats before = total(nodes);
        Semaphore slots = new Semaphore(CLIENT_CONCURRENCY);
        List<CompletableFuture<?>> all = new ArrayList<>();
        // Valid on the node's clock too, which the benchmark moves a day ahead.
        Instant expires = Instant.now().plus(Duration.ofDays(3));
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int v = 0; v < viewers.size(); v++) {
                EdgeNode node = route.apply(viewers.get(v));
                for (String key : workload.requests(viewers.get(v))) {
                    URI uri = URI.create(node.baseUrl() + signer.sign("/" + key, expires, "viewer-" + v));
                    slots.acquire();
                    all.add(http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> slots.release()));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        EdgeNodeStats after = total(nodes);
        long hits = after.hits() - before.hits();
        long misses = after.misses() - before.misses();
        long served = after.bytesServed() - before.bytesServed();
        long filledBytes = after.bytesFilled() - before.bytesFilled();
        return new Peak((double) hits / Math.max(1, hits + misses),
                served == 0 ? 0 : 1 - (double) filledBytes / served);
    }

    /** The nodes' counters added up (only the counters a peak reads). */
    private static EdgeNodeStats total(List<EdgeNode> nodes) {
        long hits = 0;
        long misses = 0;
        long served = 0;
        long filledBytes = 0;
        for (EdgeNode n : nodes) {
            EdgeNodeStats s = n.statsSnapshot();
            hits += s.hits();
            misses += s.misses();
            served += s.bytesServed();
            filledBytes += s.bytesFilled();
        }
        return new EdgeNodeStats(hits + misses, hits, misses, served, filledBytes, 0, 0, 0, 0, 0, 0);
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
}
