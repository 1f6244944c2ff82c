package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsException;
import dev.marquee.console.api.OpsFailure;
import dev.marquee.console.api.OpsWire;
import dev.marquee.console.api.OpsWire.EdgeNode;
import dev.marquee.console.api.OpsWire.LocalInstance;
import dev.marquee.model.chaos.AbortRequest;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.ExperimentDescriptor;
import dev.marquee.model.chaos.KillSwitchRequest;
import dev.marquee.model.chaos.KillSwitchView;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.ScheduleRequest;
import dev.marquee.model.chaos.ScheduleView;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.RegionView;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The chaos engine as an SRE drives it: the experiment catalog, the new-run form ({@link ChaosRunForm}) with its
 * scope choices from the live topology, the runs with their live status and verdicts, the selected run's report
 * (timeline, KPIs against the limits), abort, the global kill switch and the schedules. Everything is polled from
 * the chaos API; a backend without it (404) is said to be so.
 */
public final class ChaosViewModel implements SectionModel {
    /** A run's hypothesis is evaluated every 2 s; polling as often shows each evaluation. */
    public static final Duration POLL_PERIOD = Duration.ofSeconds(2);
    /** Regions, instances and edge nodes change by deployment or repair; the scope choices need not be fresher. */
    public static final Duration TOPOLOGY_PERIOD = Duration.ofSeconds(10);
    static final int NOT_FOUND = 404;
    /** The topology's service name for gateways, which the engine refuses as instance targets. */
    static final String GATEWAY_SERVICE = "gateway";

    private final ObservableList<ExperimentDescriptor> catalog = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObservableList<String> zones = FXCollections.observableArrayList();
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final ObservableList<String> instances = FXCollections.observableArrayList();
    private final ObservableList<String> edgeNodes = FXCollections.observableArrayList();
    private final ObservableList<RunView> runs = FXCollections.observableArrayList();
    private final ObservableList<ScheduleView> schedules = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable String> selectedRunId = new SimpleObjectProperty<>(this, "selectedRunId");
    private final ReadOnlyObjectWrapper<@Nullable RunView> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<@Nullable KillSwitchView> killSwitch = new ReadOnlyObjectWrapper<>(this, "killSwitch");
    private final ReadOnlyObjectWrapper<@Nullable RunView> lastStarted = new ReadOnlyObjectWrapper<>(this, "lastStarted");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final OpsApi ops;
    private final Ticker ticker;
    private final Background work;
    private final ChaosRunForm form;
    private final InstantSource clock;

    public ChaosViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker) {
        this(ops, background, fx, ticker, InstantSource.system());
    }

    /** With the clock that says how long a running run has left. */
    public ChaosViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker, InstantSource clock) {
        this.ops = ops;
        this.clock = clock;
        this.ticker = ticker;
        this.work = new Background(background, fx);
        this.form = new ChaosRunForm(ops, work, this::started);
        selectedRunId.addListener((obs, was, now) -> {
            report.set(null);
            refreshReport();
        });
    }

    @Override
    public void start() {
        if (!work.holding()) {
            loadCatalog();
            loadLimits();
            work.hold(ticker.every(TOPOLOGY_PERIOD, this::refreshTopology));
            work.hold(ticker.every(POLL_PERIOD, this::refresh));
        }
    }

    /** The experiment catalog, once: it is part of the backend's build. The first entry is chosen in the form. */
    public void loadCatalog() {
        work.attempt(() -> ops.getList(ChaosPaths.EXPERIMENTS, ExperimentDescriptor.class), list -> {
            catalog.setAll(list);
            if (form.experimentProperty().get() == null && !list.isEmpty()) {
                form.experimentProperty().set(list.getFirst());
            }
        }, this::failed);
    }

    /**
     * The engine's default limits and bounds, once (settings of the backend's run): the form shows the defaults and
     * checks the bounds. An engine without them leaves the form on "engine default" and its own refusals.
     */
    public void loadLimits() {
        work.call(() -> ops.get(ChaosPaths.SETTINGS, ChaosLimits.class), form.limitsProperty()::set, ignored -> {});
    }

    /** The scope choices: regions, service groups, zones, instances (gateways are no target), edge nodes. */
    public void refreshTopology() {
        work.call(() -> new Topology(ops.getList(ControlPaths.REGIONS, RegionView.class),
                ops.getList(ControlPaths.INSTANCES, LocalInstance.class), ops.getList(OpsWire.EDGE_NODES, EdgeNode.class)),
                this::show, problem::set);
    }

    private record Topology(List<RegionView> regions, List<LocalInstance> instances, List<EdgeNode> edgeNodes) {}

    private void show(Topology t) {
        List<LocalInstance> targets = t.instances().stream().filter(i -> !i.service().equals(GATEWAY_SERVICE)).toList();
        setIfChanged(regions, t.regions().stream().map(RegionView::region).toList());
        setIfChanged(zones, targets.stream().map(LocalInstance::zone).distinct().sorted().toList());
        setIfChanged(services, targets.stream().map(LocalInstance::service).distinct().sorted().toList());
        setIfChanged(instances, targets.stream().map(LocalInstance::id).sorted().toList());
        setIfChanged(edgeNodes, t.edgeNodes().stream().map(EdgeNode::id).toList());
    }

    /** A choice list is replaced only when it changed, so an open drop-down keeps its selection. */
    private static void setIfChanged(ObservableList<String> list, List<String> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    /** One poll: runs, kill switch, schedules, and the selected run's report while it is live. */
    public void refresh() {
        work.attempt(() -> new State(ops.getList(ChaosPaths.RUNS, RunView.class),
                ops.get(ChaosPaths.KILL_SWITCH, KillSwitchView.class),
                ops.getList(ChaosPaths.SCHEDULES, ScheduleView.class)), this::show, this::failed);
        RunView shown = report.get();
        if (shown == null || !shown.status().isVerdict()) {
            refreshReport();
        }
    }

    private record State(List<RunView> runs, KillSwitchView killSwitch, List<ScheduleView> schedules) {}

    private void show(State s) {
        available.set(true);
        problem.set("");
        runs.setAll(s.runs());
        killSwitch.set(s.killSwitch());
        schedules.setAll(s.schedules());
        if (selectedRunId.get() == null && !s.runs().isEmpty()) {
            selectedRunId.set(s.runs().getFirst().id());
        }
    }

    private void refreshReport() {
        String id = selectedRunId.get();
        if (id == null) {
            return;
        }
        work.call(() -> ops.get(ChaosPaths.RUN.replace("{runId}", id), RunView.class), run -> {
            if (id.equals(selectedRunId.get())) {
                report.set(run);
            }
        }, problem::set);
    }

    private void started(RunView run) {
        notice.set("Started " + ChaosText.title(run) + " (run " + run.id() + ")");
        runs.addFirst(run);
        selectedRunId.set(run.id());
        lastStarted.set(run);
        refresh();
    }

    public void abort(String runId, String reason) {
        work.call(() -> ops.exchange("POST", ChaosPaths.RUN_ABORT.replace("{runId}", runId),
                new AbortRequest(reason.isBlank() ? null : reason.strip()), RunView.class), run -> {
                    notice.set("Aborted run " + run.id() + ": " + run.status() + (run.reason() == null ? "" : " — " + run.reason()));
                    if (run.id().equals(selectedRunId.get())) {
                        report.set(run);
                    }
                    refresh();
                }, problem::set);
    }

    /** Engages the kill switch: the backend aborts and reverts every run before answering, then refuses starts. */
    public void engageKillSwitch(String reason) {
        setKillSwitch(true, reason);
    }

    public void releaseKillSwitch(String reason) {
        setKillSwitch(false, reason);
    }

    private void setKillSwitch(boolean engaged, String reason) {
        if (reason.isBlank()) {
            problem.set("Say why: the reason is recorded with your name.");
            return;
        }
        work.call(() -> ops.exchange("PUT", ChaosPaths.KILL_SWITCH, new KillSwitchRequest(engaged, reason.strip()),
                KillSwitchView.class), now -> {
                    killSwitch.set(now);
                    notice.set(now.engaged() ? "Kill switch engaged: every run aborted, new runs refused"
                            : "Kill switch released: runs may start again");
                    problem.set("");
                    refresh();
                }, problem::set);
    }

    /** Turns a schedule on or off by putting it back with only {@code enabled} changed. */
    public void setScheduleEnabled(ScheduleView view, boolean enabled) {
        ScheduleRequest s = view.schedule();
        ScheduleRequest changed = new ScheduleRequest(enabled, s.experiment(), s.days(), s.from(), s.to(), s.timeZone(),
                s.everyMinutes());
        work.call(() -> ops.exchange("PUT", ChaosPaths.SCHEDULE.replace("{name}", view.name()), changed,
                ScheduleView.class), now -> {
                    notice.set("Schedule " + now.name() + (now.schedule().enabled() ? " enabled" : " disabled"));
                    problem.set("");
                    refresh();
                }, problem::set);
    }

    /** A 404 from the chaos API means this backend has none; any other failure is shown as it is worded. */
    private void failed(Throwable failure) {
        if (failure instanceof OpsException e && e.failure() instanceof OpsFailure.Refused r
                && r.problem().status() == NOT_FOUND) {
            available.set(false);
            runs.clear();
        } else {
            problem.set(Background.reason(failure));
        }
    }

    public ChaosRunForm form() {
        return form;
    }

    public ObservableList<ExperimentDescriptor> catalog() {
        return catalog;
    }

    public ObservableList<String> regions() {
        return regions;
    }

    public ObservableList<String> zones() {
        return zones;
    }

    public ObservableList<String> services() {
        return services;
    }

    public ObservableList<String> instances() {
        return instances;
    }

    public ObservableList<String> edgeNodes() {
        return edgeNodes;
    }

    public ObservableList<RunView> runs() {
        return runs;
    }

    public ObservableList<ScheduleView> schedules() {
        return schedules;
    }

    public ObjectProperty<@Nullable String> selectedRunIdProperty() {
        return selectedRunId;
    }

    /** The selected run with its timeline and samples: live while it runs, the stored report after. */
    public ReadOnlyObjectProperty<@Nullable RunView> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The run this console started last (to follow it). */
    public ReadOnlyObjectProperty<@Nullable RunView> lastStartedProperty() {
        return lastStarted.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable KillSwitchView> killSwitchProperty() {
        return killSwitch.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** "RUNNING · 42 s left" by this model's clock, or the verdict. */
    public String status(RunView run) {
        return ChaosText.status(run, clock.instant());
    }

    /** Whether the selected run can be aborted (it is still running). */
    public boolean abortable() {
        RunView r = report.get();
        return r != null && !r.status().isVerdict() && Objects.equals(r.id(), selectedRunId.get());
    }

    @Override
    public void close() {
        work.closeAll();
    }
}
