package dev.marquee.backend.edge.internal;

import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.fill.FillOrchestrator;
import dev.marquee.backend.edge.fill.FillPlan;
import dev.marquee.backend.edge.fill.FillPlanner;
import dev.marquee.backend.edge.fill.FillRunner;
import dev.marquee.backend.edge.fill.OffPeakWindow;
import dev.marquee.backend.edge.node.EdgeNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The backend's proactive fills: the orchestrator over the fleet's tier-2 nodes, ticked once a minute on the
 * platform clock, plus what the ops API needs (plans, progress, fill now by node, region or title).
 */
public final class EdgeFills implements AutoCloseable {

    /** Windows are minutes wide; checking once a minute starts a night's fill within a minute of its start. */
    private static final long TICK_SECONDS = 60;

    /** A tier-2 node's last plan and its progress. */
    public record NodeFill(String nodeId, String region, @Nullable PlanSummary plan,
                           FillRunner.@Nullable Progress progress) {}

    /** A plan without its key list. */
    public record PlanSummary(int titles, int files, long bytes, long budgetBytes) {
        static PlanSummary of(FillPlan p) {
            return new PlanSummary(p.titles().size(), p.keys().size(), p.bytes(), p.budgetBytes());
        }
    }

    private final List<EdgeNode> tier2;
    private final Path originRoot;
    private final FillOrchestrator orchestrator;
    private final ScheduledExecutorService ticker;

    public EdgeFills(EdgeFleet fleet, EdgeProperties properties, DemandForecast forecast, InstantSource clock) {
        this.tier2 = fleet.runningNodes().stream().filter(n -> n.config().tier() == EdgeTier.ISP).toList();
        this.originRoot = properties.originRoot();
        EdgeProperties.Fill fill = properties.fill();
        this.orchestrator = new FillOrchestrator(tier2, forecast::outlook, forecast::recordRequests, this::objectsOf,
                region -> new OffPeakWindow(fill.windowStart(), fill.windowEnd(),
                        fill.zones().getOrDefault(region, ZoneId.of("UTC"))),
                node -> siteOf(fleet, node), clock, fill.bandwidthPerSecond().toBytes());
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("edge-fill-tick")
                .daemon(true).factory());
        ticker.scheduleWithFixedDelay(this::tickQuietly, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** A tier-2 node's ISP site: its region and ISP; a node without an ISP is a site of its own. */
    static String siteOf(EdgeFleet fleet, EdgeNode node) {
        String isp = fleet.node(node.id()).map(EdgeNodeView::isp).orElse(null);
        return node.config().region() + "/" + (isp == null ? "node:" + node.id() : isp);
    }

    private void tickQuietly() {
        try {
            orchestrator.tick();
        } catch (RuntimeException e) {
            System.getLogger(EdgeFills.class.getName()).log(System.Logger.Level.WARNING, "fill tick failed", e);
        }
    }

    public List<NodeFill> fills() {
        List<NodeFill> out = new ArrayList<>();
        for (EdgeNode n : tier2) {
            out.add(new NodeFill(n.id(), n.config().region(),
                    orchestrator.lastPlan(n.id()).map(PlanSummary::of).orElse(null),
                    orchestrator.progress(n.id()).orElse(null)));
        }
        return out;
    }

    /** The plan a node would get now. */
    public FillPlan planFor(String nodeId) {
        return orchestrator.planFor(node(nodeId));
    }

    public PlanSummary fillNow(String nodeId) {
        return PlanSummary.of(orchestrator.fillNow(node(nodeId).id()));
    }

    /** Starts fills of every tier-2 node of a region; returns the node ids. */
    public List<String> fillRegion(String region) {
        List<String> ids = tier2.stream().filter(n -> n.config().region().equals(region)).map(EdgeNode::id).toList();
        if (ids.isEmpty()) {
            throw new java.util.NoSuchElementException("no tier-2 nodes in region '" + region + "'");
        }
        ids.forEach(orchestrator::fillNow);
        return ids;
    }

    /** Pushes one title to every tier-2 node now (a premiere); returns how many objects were requested. */
    public int fillTitle(String titleId) {
        List<FillPlanner.OriginObject> objects = objectsOf(titleId);
        if (objects.isEmpty()) {
            throw new java.util.NoSuchElementException("the origin has no title '" + titleId + "'");
        }
        for (EdgeNode n : tier2) {
            objects.forEach(o -> n.prefetch(o.key()));
        }
        return objects.size() * tier2.size();
    }

    private EdgeNode node(String nodeId) {
        return tier2.stream().filter(n -> n.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no tier-2 node '" + nodeId + "'"));
    }

    List<FillPlanner.OriginObject> objectsOf(String titleId) {
        if (!titleId.matches("[A-Za-z0-9._-]+")) {
            return List.of();
        }
        Path dir = originRoot.resolve("titles").resolve(titleId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> new FillPlanner.OriginObject(originRoot.relativize(f).toString().replace('\\', '/'),
                            f.toFile().length()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        orchestrator.close();
    }
}
