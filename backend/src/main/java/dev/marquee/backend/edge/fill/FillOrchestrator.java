package dev.marquee.backend.edge.fill;

import dev.marquee.backend.edge.ContentPlacement;
import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.node.EdgeNode;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Fills tier-2 nodes ahead of demand: on each {@link #tick()}, it first hands every node's request counts since
 * the last tick to the forecast (the demand the edges saw: which rungs and segments were played), then every node
 * whose region is inside its off-peak window and that has not been filled on that local date (and is not DRAINING)
 * gets a plan from the region's forecast, pushed under the bandwidth cap; SREs can also {@link #fillNow} a node. Time comes from the injected platform clock, so a
 * test or a demo can fast-forward to the night. Runs fills on its own threads, one per node at most.
 */
public final class FillOrchestrator implements AutoCloseable {

    private final List<EdgeNode> nodes;
    private final BiFunction<String, InstantSource, FillForecast> forecast;
    private final BiConsumer<String, Map<String, Long>> requestLog;
    private final Function<String, List<FillPlanner.OriginObject>> originObjects;
    private final Function<String, OffPeakWindow> windowOfRegion;
    private final Function<EdgeNode, String> siteOf;
    private final InstantSource clock;
    private final long maxBytesPerS;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, FillRunner> running = new ConcurrentHashMap<>();
    private final Map<String, FillRunner> lastRunners = new ConcurrentHashMap<>();
    private final Map<String, FillPlan> lastPlans = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> filledOn = new ConcurrentHashMap<>();

    /**
     * @param forecast       region, clock → expected plays per title and measured requests per object per play
     * @param requestLog     receives each node's request counts (region, key → requests) on every tick
     * @param originObjects  title id → its objects at the origin
     * @param windowOfRegion region → its off-peak window
     * @param maxBytesPerS   bandwidth cap per node
     */
    public FillOrchestrator(List<EdgeNode> nodes, BiFunction<String, InstantSource, FillForecast> forecast,
                            BiConsumer<String, Map<String, Long>> requestLog,
                            Function<String, List<FillPlanner.OriginObject>> originObjects,
                            Function<String, OffPeakWindow> windowOfRegion, InstantSource clock, long maxBytesPerS) {
        this(nodes, forecast, requestLog, originObjects, windowOfRegion, EdgeNode::id, clock, maxBytesPerS);
    }

    /**
     * @param siteOf node → its ISP site (nodes of one site share the catalogue by {@link ContentPlacement}: each
     *               is planned only the titles placed on it)
     */
    public FillOrchestrator(List<EdgeNode> nodes, BiFunction<String, InstantSource, FillForecast> forecast,
                            BiConsumer<String, Map<String, Long>> requestLog,
                            Function<String, List<FillPlanner.OriginObject>> originObjects,
                            Function<String, OffPeakWindow> windowOfRegion, Function<EdgeNode, String> siteOf,
                            InstantSource clock, long maxBytesPerS) {
        this.siteOf = siteOf;
        this.nodes = nodes.stream().filter(n -> n.config().tier() == EdgeTier.ISP).toList();
        this.forecast = forecast;
        this.requestLog = requestLog;
        this.originObjects = originObjects;
        this.windowOfRegion = windowOfRegion;
        this.clock = clock;
        this.maxBytesPerS = maxBytesPerS;
    }

    /**
     * Hands the nodes' request counts to the forecast, then starts the night's fill of every node now inside its
     * window; returns how many started.
     */
    public int tick() {
        collectRequestCounts();
        int started = 0;
        for (EdgeNode node : nodes) {
            OffPeakWindow window = windowOfRegion.apply(node.config().region());
            LocalDate today = clock.instant().atZone(window.zone()).toLocalDate();
            // A DRAINING node is skipped, not marked filled: set UP again inside the window, it is filled that night.
            if (window.contains(clock.instant()) && !today.equals(filledOn.get(node.id()))
                    && !running.containsKey(node.id()) && node.state() != EdgeAdminState.DRAINING) {
                filledOn.put(node.id(), today);
                fillNow(node.id());
                started++;
            }
        }
        return started;
    }

    /** Hands every node's request counts since the last call to the forecast, per region. */
    public void collectRequestCounts() {
        for (EdgeNode node : nodes) {
            Map<String, Long> counts = node.drainRequestCounts();
            if (!counts.isEmpty()) {
                requestLog.accept(node.config().region(), counts);
            }
        }
    }

    /** Plans (from the counts collected so far) and starts a fill of one node now, whatever the time; returns its plan. */
    public FillPlan fillNow(String nodeId) {
        EdgeNode node = nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no tier-2 node '" + nodeId + "'"));
        collectRequestCounts();
        FillPlan plan = planFor(node);
        FillRunner runner = new FillRunner(node, plan, maxBytesPerS);
        if (running.putIfAbsent(nodeId, runner) != null) {
            throw new IllegalStateException("a fill of " + nodeId + " is already running");
        }
        lastPlans.put(nodeId, plan);
        executor.execute(() -> {
            try {
                runner.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.remove(nodeId, runner);
                lastRunners.put(nodeId, runner);
            }
        });
        return plan;
    }

    /**
     * The plan a node would get now, from its region's current forecast: of the titles placed on it when its site
     * has other nodes that are UP (a DOWN or DRAINING node's titles are placed on the others meanwhile, as
     * {@link dev.marquee.backend.edge.EdgeSteering} sends their clients there). A DRAINING node is planned
     * nothing: steering sends it no new clients, so whatever it would fetch would serve nobody.
     */
    public FillPlan planFor(EdgeNode node) {
        FillForecast outlook = forecast.apply(node.config().region(), clock);
        if (node.state() == EdgeAdminState.DRAINING) {
            outlook = new FillForecast(List.of(), outlook.shares());
        }
        String site = siteOf.apply(node);
        List<String> siteNodes = nodes.stream()
                .filter(n -> n == node || (n.state() == EdgeAdminState.UP && site.equals(siteOf.apply(n))))
                .map(EdgeNode::id).toList();
        if (siteNodes.size() > 1) {
            outlook = new FillForecast(outlook.titles().stream()
                    .filter(t -> ContentPlacement.owner(t.titleId(), siteNodes).equals(node.id())).toList(),
                    outlook.shares());
        }
        return FillPlanner.plan(node.id(), node.config().capacityBytes(), outlook, originObjects);
    }

    /** The running fill's progress, else the last one's. */
    public Optional<FillRunner.Progress> progress(String nodeId) {
        FillRunner r = running.get(nodeId);
        if (r == null) {
            r = lastRunners.get(nodeId);
        }
        return Optional.ofNullable(r).map(FillRunner::progress);
    }

    public Optional<FillPlan> lastPlan(String nodeId) {
        return Optional.ofNullable(lastPlans.get(nodeId));
    }

    /** Whether any fill is running. */
    public boolean busy() {
        return !running.isEmpty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
