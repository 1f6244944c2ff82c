package dev.marquee.console.ui;

import static dev.marquee.console.ui.WorldView.column;

import dev.marquee.model.chaos.KillSwitchView;
import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.RunAction;
import dev.marquee.model.chaos.RunStatus;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.ScheduleView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Chaos view: the kill switch always in sight, then three tabs: New run (catalog, form, blast-radius preview),
 * Runs (live status and verdicts, the selected run's report with its timeline and KPIs against the limits, abort)
 * and Schedules (enable / disable). Bindings and dialogs only; {@link ChaosViewModel} does the rest.
 */
public final class ChaosView {
    /** The KPI table gets the larger part of the report's width: it has more columns than the timeline. */
    private static final double KPI_SHARE = 0.6;
    private final VBox root;
    private final ChaosViewModel model;
    private final TabPane tabs = new TabPane();

    public ChaosView(ChaosViewModel model) {
        this.model = model;
        Tab newRun = tab("tab-new-run", "New run", new ChaosFormView(model).root());
        Tab runs = tab("tab-runs", "Runs", runs());
        Tab schedules = tab("tab-schedules", "Schedules", schedules());
        tabs.getTabs().setAll(newRun, runs, schedules);
        tabs.setId("chaos-tabs");
        model.lastStartedProperty().addListener((obs, was, now) -> tabs.getSelectionModel().select(runs));

        Label missing = new Label(Section.CHAOS.emptyDetail());
        missing.setId("chaos-unavailable");
        missing.getStyleClass().add("muted");
        missing.setWrapText(true);
        missing.visibleProperty().bind(model.availableProperty().not());
        missing.managedProperty().bind(missing.visibleProperty());
        VBox content = new VBox(12, killSwitch(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        content.visibleProperty().bind(model.availableProperty());
        content.managedProperty().bind(content.visibleProperty());

        root = new VBox(12, Widgets.heading("Chaos", "runs polled every " + ChaosViewModel.POLL_PERIOD.toSeconds()
                + " s · every action through /api/ops/chaos"), Widgets.problem(model.problemProperty()),
                Widgets.notice(model.noticeProperty()), missing, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.getStyleClass().add("section");
    }

    public Parent root() {
        return root;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    /** The kill switch's state and the one button that flips it, after a confirmation with a reason. */
    private HBox killSwitch() {
        Label state = new Label();
        state.setId("kill-switch-state");
        state.setWrapText(true);
        Button flip = new Button();
        flip.setId("kill-switch");
        model.killSwitchProperty().subscribe((KillSwitchView k) -> {
            boolean engaged = k != null && k.engaged();
            state.setText(k == null ? "Kill switch: …" : engaged ? "KILL SWITCH ENGAGED by " + k.by() + " since "
                    + ChaosText.time(k.since()) + (k.reason() == null ? "" : ": " + k.reason()) + " — new runs are refused"
                    : "Kill switch off: runs may start");
            state.getStyleClass().removeAll("health-failing", "health-healthy");
            state.getStyleClass().add(engaged ? "health-failing" : "health-healthy");
            flip.setText(engaged ? "Release kill switch…" : "Engage kill switch…");
            flip.getStyleClass().removeAll("danger", "accent");
            flip.getStyleClass().add(engaged ? "accent" : "danger");
        });
        flip.disableProperty().bind(model.killSwitchProperty().isNull());
        flip.setOnAction(e -> {
            boolean engaged = model.killSwitchProperty().get() != null && model.killSwitchProperty().get().engaged();
            confirm(flip, engaged ? "Release the kill switch" : "Engage the kill switch", engaged
                    ? "Runs may start again (scheduled ones too) once released."
                    : "Every running experiment is aborted and reverted now, and no run starts until it is released.")
                    .ifPresent(reason -> {
                        if (engaged) {
                            model.releaseKillSwitch(reason);
                        } else {
                            model.engageKillSwitch(reason);
                        }
                    });
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, state, gap, flip);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("card");
        bar.setId("kill-switch-bar");
        return bar;
    }

    /** A confirmation that needs a reason; empty when cancelled or left without one. */
    static Optional<String> confirm(Node from, String action, String consequence) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(from.getScene().getWindow());
        dialog.getDialogPane().getStylesheets().setAll(from.getScene().getStylesheets());
        dialog.getDialogPane().setId("confirm-dialog");
        dialog.setTitle(action);
        dialog.setHeaderText(action + "? " + consequence);
        TextField reason = new TextField();
        reason.setId("confirm-reason");
        reason.setPromptText("reason, recorded with your name");
        dialog.getDialogPane().setContent(new VBox(6, new Label("Reason"), reason));
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(yes, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(yes).setId("confirm-yes");
        dialog.getDialogPane().lookupButton(yes).disableProperty().bind(reason.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == yes ? reason.getText().strip() : null);
        return dialog.showAndWait().filter(s -> !s.isEmpty());
    }

    /** The runs, newest first, above the selected run's report. */
    private SplitPane runs() {
        TableView<RunView> table = new TableView<>(model.runs());
        table.setId("chaos-runs");
        table.getColumns().setAll(List.of(
                column("Started", (RunView r) -> ChaosText.time(r.startedAt()), 80),
                column("Experiment", r -> ChaosText.name(r.type()), 120),
                column("Scope", r -> ChaosText.scope(r.scope()), 200),
                status(),
                column("By", RunView::startedBy, 140),
                column("Reason", r -> r.reason() != null ? r.reason() : r.requestReason() == null ? "" : r.requestReason())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs yet: start one from the New run tab."));
        WorldView.keepSelection(table, RunView::id);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedRunIdProperty().set(now.id());
            }
        });
        model.runs().addListener((ListChangeListener<RunView>) c -> {
            String id = model.selectedRunIdProperty().get();
            RunView selected = table.getSelectionModel().getSelectedItem();
            if (id != null && (selected == null || !selected.id().equals(id))) {
                model.runs().stream().filter(r -> r.id().equals(id)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        SplitPane split = new SplitPane(table, report());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        split.setId("runs-split");
        return split;
    }

    private TableColumn<RunView, String> status() {
        TableColumn<RunView, String> column = column("Status", model::status, 130);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("health-healthy", "health-degraded", "health-failing");
                setText(empty ? null : item);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                    getStyleClass().add(statusClass(getTableRow().getItem().status()));
                }
            }
        });
        return column;
    }

    static String statusClass(RunStatus status) {
        return switch (status) {
            case RUNNING -> "health-degraded";
            case PASSED -> "health-healthy";
            case ABORTED, FAILED -> "health-failing";
        };
    }

    /** The selected run: what, where, verdict and why, limits, blast radius, abort; KPIs beside the timeline. */
    private VBox report() {
        Label title = new Label();
        title.setId("report-title");
        title.getStyleClass().add("subheading");
        Label verdict = new Label();
        verdict.setId("report-verdict");
        verdict.getStyleClass().add("region-state");
        Label details = new Label();
        details.setId("report-details");
        details.getStyleClass().add("muted");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        Button abort = new Button("Abort run…");
        abort.setId("abort-run");
        abort.getStyleClass().add("danger");
        abort.disableProperty().bind(model.reportProperty().map(r -> r.status().isVerdict()).orElse(true));
        abort.setOnAction(e -> {
            RunView run = model.reportProperty().get();
            WorldView.reason(abort, "Abort " + ChaosText.title(run)).ifPresent(why -> model.abort(run.id(), why));
        });

        ObservableList<KpiSample> kpis = FXCollections.observableArrayList();
        ObservableList<RunAction> actions = FXCollections.observableArrayList();
        model.reportProperty().subscribe((RunView r) -> {
            title.setText(r == null ? "Select a run to see its report" : ChaosText.title(r));
            verdict.setText(r == null ? "" : model.status(r));
            verdict.getStyleClass().removeAll("health-healthy", "health-degraded", "health-failing");
            if (r != null) {
                verdict.getStyleClass().add(statusClass(r.status()));
            }
            details.setText(r == null ? "" : String.join("\n", List.of(
                    "Started " + ChaosText.time(r.startedAt()) + " by " + r.startedBy()
                            + (r.requestReason() == null ? "" : " (" + r.requestReason() + ")")
                            + (r.endedAt() == null ? " · ends " + ChaosText.time(r.endsAt()) : " · ended " + ChaosText.time(r.endedAt())),
                    r.reason() == null ? "Verdict: pending" : "Verdict: " + r.status() + " — " + r.reason(),
                    "Limits: " + ChaosText.limits(r.thresholds()),
                    "Blast radius: " + r.blastRadius().summary())));
            kpis.setAll(r == null ? List.of() : samples(r));
            actions.setAll(r == null ? List.of() : r.actions());
        });

        TableView<KpiSample> kpiTable = new TableView<>(kpis);
        kpiTable.setId("run-kpis");
        kpiTable.getColumns().setAll(List.of(
                column("Phase", KpiSample::phase, 62),
                column("At", (KpiSample k) -> ChaosText.time(k.at()), 66),
                column("SPS", (KpiSample k) -> ChaosText.perSecond(k.streamStartsPerSecond()), 60),
                column("Errors", (KpiSample k) -> ChaosText.percent(k.errorRate()), 56),
                column("p99", (KpiSample k) -> ChaosText.millis(k.apiLatencyP99Ms()), 60),
                column("Rebuffer", (KpiSample k) -> ChaosText.percent(k.rebufferRatio()), 64),
                column("Calls", (KpiSample k) -> Long.toString(k.apiRequests()), 48),
                column("Violated", (KpiSample k) -> String.join("; ", k.violations()))));
        kpiTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        kpiTable.setPlaceholder(new Label("No KPI samples yet."));
        TableView<RunAction> timeline = new TableView<>(actions);
        timeline.setId("run-timeline");
        timeline.getColumns().setAll(List.of(
                column("At", (RunAction a) -> ChaosText.time(a.at()), 66),
                column("Action", RunAction::kind, 135),
                column("Target", RunAction::target, 140),
                column("Detail", RunAction::detail)));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.setPlaceholder(new Label("No actions yet."));
        HBox tables = new HBox(12, kpiTable, timeline);
        HBox.setHgrow(kpiTable, Priority.ALWAYS);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        kpiTable.setPrefWidth(KPI_SHARE);
        timeline.setPrefWidth(1 - KPI_SHARE);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(12, title, verdict, gap, abort);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox report = new VBox(8, head, details, tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        report.setId("run-report");
        report.getStyleClass().add("report");
        return report;
    }

    /** Before, every evaluation during the run, after: in time order. */
    static List<KpiSample> samples(RunView r) {
        List<KpiSample> all = new ArrayList<>();
        if (r.before() != null) {
            all.add(r.before());
        }
        r.samples().stream().filter(s -> !s.equals(r.before()) && !s.equals(r.after())).forEach(all::add);
        if (r.after() != null) {
            all.add(r.after());
        }
        return all;
    }

    /** The schedules with enable / disable for the selected one. */
    private VBox schedules() {
        TableView<ScheduleView> table = new TableView<>(model.schedules());
        table.setId("chaos-schedules");
        table.getColumns().setAll(List.of(
                column("Name", ScheduleView::name, 120),
                column("Experiment", ChaosText::experiment, 240),
                column("When", (ScheduleView v) -> ChaosText.when(v.schedule()), 380),
                column("State", (ScheduleView v) -> v.schedule().enabled() ? "ENABLED" : "disabled", 75),
                column("Last / next", ChaosText::lastAndNext, 250)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No schedules on this backend: they are created with PUT "
                + dev.marquee.model.chaos.ChaosPaths.SCHEDULE + " and live in memory."));
        WorldView.keepSelection(table, ScheduleView::name);
        var selected = table.getSelectionModel().selectedItemProperty();
        Button enable = new Button("Enable");
        enable.setId("schedule-enable");
        enable.disableProperty().bind(selected.map(v -> v.schedule().enabled()).orElse(true));
        enable.setOnAction(e -> model.setScheduleEnabled(selected.get(), true));
        Button disable = new Button("Disable");
        disable.setId("schedule-disable");
        disable.disableProperty().bind(selected.map(v -> !v.schedule().enabled()).orElse(true));
        disable.setOnAction(e -> model.setScheduleEnabled(selected.get(), false));
        Label hint = new Label("Scheduled runs start as scheduler:<name> inside their window, unless the kill switch "
                + "is engaged.");
        hint.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(10, hint, gap, enable, disable);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }
}
