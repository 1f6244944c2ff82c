package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsWire;
import dev.marquee.console.api.OpsWire.EdgeNode;
import dev.marquee.console.api.OpsWire.NodeFill;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The edge fleet, polled: every node (tier, admin state, storage, hit ratio, bytes served) with its fill plan and
 * the progress of its running or last fill; actions set a node's admin state and start fills now.
 */
public final class EdgeViewModel implements SectionModel {
    /** Fill progress moves by the second; polling this often shows it moving without loading the backend. */
    public static final Duration POLL_PERIOD = Duration.ofSeconds(2);
    public static final List<String> ADMIN_STATES = List.of("UP", "DRAINING", "DOWN");

    /** A node and its fill (null for tier-1 nodes and the origin, which have no proactive fill). */
    public record NodeRow(EdgeNode node, @Nullable NodeFill fill) {}

    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final OpsApi ops;
    private final Ticker ticker;
    private final Background work;

    public EdgeViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker) {
        this.ops = ops;
        this.ticker = ticker;
        this.work = new Background(background, fx);
    }

    @Override
    public void start() {
        if (!work.holding()) {
            work.hold(ticker.every(POLL_PERIOD, this::refresh));
        }
    }

    public void refresh() {
        work.call(() -> rows(ops.getList(OpsWire.EDGE_NODES, EdgeNode.class),
                ops.getList(OpsWire.EDGE_FILLS, NodeFill.class)), rows -> {
            nodes.setAll(rows);
            problem.set("");
        }, problem::set);
    }

    /** Nodes by tier (origin, tier 1, tier 2), then region and id, each with its fill. */
    static List<NodeRow> rows(List<EdgeNode> nodes, List<NodeFill> fills) {
        Map<String, NodeFill> byNode = fills.stream().collect(Collectors.toMap(NodeFill::nodeId, Function.identity(),
                (a, b) -> a));
        return nodes.stream()
                .sorted(Comparator.comparingInt((EdgeNode n) -> tierOrder(n.tier())).thenComparing(EdgeNode::region)
                        .thenComparing(EdgeNode::id))
                .map(n -> new NodeRow(n, byNode.get(n.id())))
                .toList();
    }

    private static int tierOrder(String tier) {
        return switch (tier) {
            case "ORIGIN" -> 0;
            case "IXP" -> 1;
            default -> 2;
        };
    }

    public void setState(String nodeId, String state) {
        work.call(() -> {
            ops.send("PUT", OpsWire.EDGE_NODE_STATE.formatted(nodeId), new OpsWire.StateChange(state));
            return nodeId + " is " + state;
        }, this::done, problem::set);
    }

    public void fillNode(String nodeId) {
        work.call(() -> {
            ops.send("POST", OpsWire.EDGE_FILL_NODE.formatted(nodeId), null);
            return "Filling " + nodeId + " now";
        }, this::done, problem::set);
    }

    public void fillRegion(String region) {
        work.call(() -> {
            ops.send("POST", OpsWire.EDGE_FILL_REGION.formatted(region), null);
            return "Filling the tier-2 nodes of " + region + " now";
        }, this::done, problem::set);
    }

    private void done(String said) {
        notice.set(said);
        problem.set("");
        refresh();
    }

    /** "1.2 GB" style, in powers of 1024 as the capacities are configured. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGTP";
        int exp = (int) (Math.log(bytes) / Math.log(1024));
        return String.format("%.1f %sB", bytes / Math.pow(1024, exp), units.charAt(exp - 1));
    }

    /** "done/total files · bytes/bytes · ETA", or what there is. */
    public static String progress(@Nullable NodeFill fill) {
        if (fill == null || fill.progress() == null) {
            return fill == null ? "" : "no fill yet";
        }
        OpsWire.FillProgress p = fill.progress();
        String eta = p.finished() ? "done" : p.eta() == null ? "ETA –" : "ETA " + p.eta().toSeconds() + " s";
        return p.filesDone() + "/" + p.filesTotal() + " files · " + bytes(p.bytesDone()) + "/" + bytes(p.bytesTotal())
                + " · " + eta + (p.failures() > 0 ? " · " + p.failures() + " failed" : "");
    }

    public static String plan(@Nullable NodeFill fill) {
        if (fill == null || fill.plan() == null) {
            return "";
        }
        OpsWire.PlanSummary plan = fill.plan();
        return plan.titles() + " titles · " + bytes(plan.bytes()) + " / " + bytes(plan.budgetBytes());
    }

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public void close() {
        work.closeAll();
    }
}
