package dev.marquee.console.ui;

import static dev.marquee.console.ui.WorldView.column;

import dev.marquee.console.ui.EdgeViewModel.NodeRow;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The edge fleet as a table, origin first, then tier 1 (IXP) and tier 2 (ISP) nodes: admin state, storage used
 * against capacity, hit ratio, bytes served, the fill plan and the live fill progress; below it the admin state
 * menu and "fill now" for the selected node or its region.
 */
public final class EdgeView {
    private final VBox root;

    public EdgeView(EdgeViewModel model) {
        TableView<NodeRow> table = new TableView<>(model.nodes());
        table.setId("edge-nodes");
        WorldView.keepSelection(table, r -> r.node().id());
        table.getColumns().setAll(List.of(
                column("Node", (NodeRow r) -> r.node().id(), 125),
                column("Tier", r -> r.node().tier(), 60),
                column("Region", r -> r.node().region() + (r.node().isp() == null ? "" : " · " + r.node().isp()), 140),
                column("State", r -> r.node().state() + (r.node().listening() ? "" : " (closed)"), 85),
                storage(),
                column("Hit ratio", r -> r.node().stats().hits() + r.node().stats().misses() == 0 ? "–"
                        : String.format("%.1f %%", 100 * r.node().stats().hitRatio()), 70),
                column("Served", r -> EdgeViewModel.bytes(r.node().stats().bytesServed()), 65),
                column("Fill plan", r -> EdgeViewModel.plan(r.fill()), 160),
                column("Fill progress", r -> EdgeViewModel.progress(r.fill()), 170)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No edge nodes reported: is the edge service enabled?"));

        MenuButton state = new MenuButton("Admin state");
        state.setId("admin-state");
        for (String s : EdgeViewModel.ADMIN_STATES) {
            MenuItem item = new MenuItem(s);
            item.setId("state-" + s);
            item.setOnAction(e -> model.setState(table.getSelectionModel().getSelectedItem().node().id(), s));
            state.getItems().add(item);
        }
        Button fillNode = new Button("Fill node now");
        fillNode.setId("fill-node");
        fillNode.setOnAction(e -> model.fillNode(table.getSelectionModel().getSelectedItem().node().id()));
        Button fillRegion = new Button("Fill region now");
        fillRegion.setId("fill-region");
        fillRegion.setOnAction(e -> model.fillRegion(table.getSelectionModel().getSelectedItem().node().region()));
        var selected = table.getSelectionModel().selectedItemProperty();
        state.disableProperty().bind(selected.isNull());
        fillNode.disableProperty().bind(selected.map(r -> r.fill() == null).orElse(true));
        fillRegion.disableProperty().bind(selected.map(r -> r.fill() == null).orElse(true));
        Label selectedName = new Label();
        selectedName.textProperty().bind(selected.map(r -> "Selected: " + r.node().id()).orElse("Select a node"));
        selectedName.getStyleClass().add("subheading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(10, selectedName, gap, state, fillNode, fillRegion);
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(14, Widgets.heading("Edge", "tier-2 nodes fill proactively from a plan; polled every "
                + EdgeViewModel.POLL_PERIOD.toSeconds() + " s"), Widgets.problem(model.problemProperty()),
                Widgets.notice(model.noticeProperty()), actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().add("section");
    }

    public Parent root() {
        return root;
    }

    /** Storage used as a bar with "used / capacity" on it. */
    private static TableColumn<NodeRow, String> storage() {
        TableColumn<NodeRow, String> column = column("Storage", r -> r.node().stats().capacityBytes() == 0 ? "–"
                : EdgeViewModel.bytes(r.node().stats().storedBytes()) + " / "
                        + EdgeViewModel.bytes(r.node().stats().capacityBytes()), 130);
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final StackPane both = new StackPane(bar, text);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("storage-bar");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                    setGraphic(null);
                    return;
                }
                var stats = getTableRow().getItem().node().stats();
                bar.setProgress(stats.capacityBytes() == 0 ? 0 : (double) stats.storedBytes() / stats.capacityBytes());
                text.setText(item);
                setGraphic(both);
            }
        });
        return column;
    }
}
