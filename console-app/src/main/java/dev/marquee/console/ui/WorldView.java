package dev.marquee.console.ui;

import dev.marquee.console.ui.WorldViewModel.InstanceRow;
import dev.marquee.console.ui.WorldViewModel.RegionRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The world: one card per region laid out west to east like a map (health, traffic share, instances, evacuate /
 * restore), and the selected region's instances by zone (registry state, listener, injected faults) with
 * out-of-service / back-in-service. Actions ask for a reason first.
 */
public final class WorldView {
    /** West-to-east order of the known regions; others follow alphabetically. */
    private static final Map<String, Integer> LONGITUDE_ORDER = Map.of("us-west-2", 0, "us-east-1", 1, "eu-west-1", 2);
    private static final double CARD_WIDTH = 250;

    private final VBox root;
    private final HBox map = new HBox(16);
    private final WorldViewModel model;

    public WorldView(WorldViewModel model) {
        this.model = model;
        map.setId("region-map");
        model.regions().addListener((ListChangeListener<RegionRow>) change -> drawMap());
        model.selectedRegionProperty().addListener((obs, was, now) -> drawMap());

        TableView<InstanceRow> table = instances();
        table.setItems(model.instances());
        keepSelection(table, r -> r.registry().id());
        Button out = new Button("Take out of service…");
        out.setId("out-of-service");
        Button back = new Button("Back in service");
        back.setId("back-in-service");
        out.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        back.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        out.setOnAction(e -> {
            InstanceRow row = table.getSelectionModel().getSelectedItem();
            reason(out, "Take " + row.registry().id() + " out of service").ifPresent(
                    why -> model.takeOutOfService(row.registry().id(), why));
        });
        back.setOnAction(e -> model.putBackInService(table.getSelectionModel().getSelectedItem().registry().id()));
        Label instancesHeading = new Label();
        instancesHeading.textProperty().bind(model.selectedRegionProperty().map(r -> "Instances in " + r));
        instancesHeading.getStyleClass().add("subheading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(10, instancesHeading, gap, out, back);
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(14, Widgets.heading("World / Regions",
                "traffic share = the region's API requests in the last closed " + WorldViewModel.SHARE_WINDOW
                        + " window over all regions'"),
                Widgets.problem(model.problemProperty()), Widgets.notice(model.noticeProperty()), map, actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().add("section");
        drawMap();
    }

    public Parent root() {
        return root;
    }

    private void drawMap() {
        List<RegionRow> rows = model.regions().stream().sorted(Comparator.comparingInt(
                (RegionRow r) -> LONGITUDE_ORDER.getOrDefault(r.region().region(), Integer.MAX_VALUE))
                .thenComparing(r -> r.region().region())).toList();
        map.getChildren().setAll(rows.stream().map(this::card).toList());
    }

    private VBox card(RegionRow row) {
        String region = row.region().region();
        boolean evacuated = row.region().evacuated();
        String health = evacuated ? "degraded" : row.region().healthy() ? "healthy" : "failing";
        Circle dot = new Circle(6);
        dot.getStyleClass().addAll("health-dot", "health-" + health);
        Label name = new Label(region, dot);
        name.getStyleClass().add("region-name");
        Label state = new Label(evacuated ? "EVACUATED" : row.region().healthy() ? "HEALTHY" : "UNHEALTHY");
        state.getStyleClass().addAll("region-state", "health-" + health);
        Label share = new Label(row.trafficShare() == null ? "–" : String.format("%.0f %%", 100 * row.trafficShare()));
        share.setId("share-" + region);
        share.getStyleClass().add("big-number");
        Label shareCaption = new Label("traffic share · " + row.apiRequests() + " requests");
        shareCaption.getStyleClass().add("muted");
        Label instances = new Label(row.instancesUp() + " / " + row.instances() + " instances UP"
                + (row.apiLatencyP99Ms() == null ? "" : String.format(" · p99 %.0f ms", row.apiLatencyP99Ms())));
        instances.getStyleClass().add("muted");
        instances.setWrapText(true);
        Label why = new Label(evacuated ? "by " + row.region().evacuatedBy() + ": " + row.region().evacuationReason()
                : String.valueOf(row.region().healthReason()));
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        Button act = new Button(evacuated ? "Restore…" : "Evacuate…");
        act.setId((evacuated ? "restore-" : "evacuate-") + region);
        act.getStyleClass().add(evacuated ? "accent" : "danger");
        act.setOnAction(e -> reason(act, (evacuated ? "Restore " : "Evacuate ") + region).ifPresent(
                reason -> {
                    if (evacuated) {
                        model.restore(region, reason);
                    } else {
                        model.evacuate(region, reason);
                    }
                }));
        VBox card = new VBox(6, name, state, share, shareCaption, instances, why, act);
        card.setPrefWidth(CARD_WIDTH);
        card.getStyleClass().addAll("card", "region-card");
        if (region.equals(model.selectedRegionProperty().get())) {
            card.getStyleClass().add("selected");
        }
        card.setId("region-" + region);
        card.setOnMouseClicked(e -> model.selectedRegionProperty().set(region));
        return card;
    }

    private static TableView<InstanceRow> instances() {
        TableView<InstanceRow> table = new TableView<>();
        table.setId("instances");
        table.getColumns().setAll(List.of(
                column("Zone", r -> r.registry().zone()),
                column("Instance", r -> r.registry().id(), 200),
                column("Service", r -> r.registry().service()),
                column("Registry state", r -> r.registry().status()),
                column("Listener", r -> r.local() == null ? "remote" : r.local().running()
                        ? "port " + r.local().port() : "terminated"),
                column("Injected latency", r -> r.local() == null ? "" : r.local().latencyMs() + " ms"),
                column("Injected errors", r -> r.local() == null ? "" : String.format("%.0f %%", 100 * r.local().errorRate())),
                column("Lease age", r -> r.registry().leaseAgeSeconds() + " s")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No instances registered in this region."));
        return table;
    }

    static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = column(title, value);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }

    static <S> TableColumn<S, String> column(String title, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** A poll replaces the rows; select again the row with the same key so that actions keep their target. */
    static <S> void keepSelection(TableView<S> table, Function<S, String> key) {
        String[] selected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                selected[0] = key.apply(now);
            }
        });
        table.getItems().addListener((ListChangeListener<S>) change -> {
            if (selected[0] != null && table.getSelectionModel().getSelectedItem() == null) {
                table.getItems().stream().filter(r -> key.apply(r).equals(selected[0])).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
    }

    /** Asks why; empty when cancelled. */
    static Optional<String> reason(javafx.scene.Node from, String action) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(from.getScene().getWindow());
        dialog.getDialogPane().getStylesheets().setAll(from.getScene().getStylesheets());
        dialog.getDialogPane().setId("reason-dialog");
        dialog.setTitle(action);
        dialog.setHeaderText(action + ": the reason is recorded with your name.");
        dialog.setContentText("Reason");
        dialog.getEditor().setId("reason");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}
