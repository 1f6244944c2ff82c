package dev.marquee.backend.chaos.internal;

import dev.marquee.backend.chaos.ChaosActionTaken;
import dev.marquee.backend.chaos.ChaosRunEnded;
import dev.marquee.backend.chaos.ChaosRunStarted;
import dev.marquee.backend.chaos.KillSwitchChanged;
import dev.marquee.backend.metrics.Kpis;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.KillSwitchView;
import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.RunAction;
import dev.marquee.model.chaos.RunStatus;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.metrics.KpiSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs experiments: takes the baseline, applies a plan's injections in order, evaluates the steady-state
 * hypothesis every {@link ChaosSettings#evaluationInterval()} on the engine's thread, and reverts every applied
 * injection in reverse order when the run ends (its duration, an abort, a failed hypothesis, the kill switch).
 * Starts, aborts and the kill switch act on the caller's thread and return once the system has changed (or been
 * restored). Every step is an application event on the chaos topic and a line of the stored report.
 */
final class ChaosEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChaosEngine.class);

    private final Planner planner;
    private final DoctorMonkey doctor;
    private final RunStore store;
    private final Kpis kpis;
    private final ChaosSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final Map<String, RunRecord> running = new ConcurrentHashMap<>();
    private final Object startLock = new Object();
    private volatile KillSwitchView killSwitch = new KillSwitchView(false, null, null, null);

    ChaosEngine(Planner planner, DoctorMonkey doctor, RunStore store, Kpis kpis, ChaosSettings settings,
                ApplicationEventPublisher events, Clock clock, ScheduledExecutorService ticker) {
        this.planner = planner;
        this.doctor = doctor;
        this.store = store;
        this.kpis = kpis;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.ticker = ticker;
    }

    /** What the run would touch, with the scope's KPIs now against the limits it would be held to. */
    BlastRadius preview(ExperimentRequest request) {
        Plan plan = planner.plan(request);
        return plan.blastRadius().withSteadyState(plan.thresholds(), now(plan));
    }

    ChaosLimits limits() {
        return planner.limits();
    }

    /** Plans, checks the kill switch, injects; returns the run as it stands after the injections. */
    RunView start(ExperimentRequest request, String by) {
        RunRecord run;
        synchronized (startLock) {
            refuseIfKilled();
            Plan plan = planner.plan(request);
            KpiSnapshot before = kpis.snapshot(plan.kpiRegion(), plan.kpiService(), settings.kpiWindow());
            Set<String> broken = SteadyState.broken(before, plan.thresholds(), null);
            if (!broken.isEmpty() && !request.allowsViolatedSteadyState()) {
                throw Refusals.steadyStateViolated("the steady state of " + plan.kpiRegion() + " already fails before the run: "
                        + String.join("; ", SteadyState.sample(clock.instant(), SteadyState.NOW, before, plan.thresholds(), null)
                        .violations()) + "; restore it first, loosen thresholds, or set \"allowViolatedSteadyState\": true");
            }
            run = new RunRecord(UUID.randomUUID().toString(), plan, by, clock.instant(), broken);
            synchronized (run) {
                run.before = SteadyState.sample(clock.instant(), "BEFORE", before, plan.thresholds(), null);
                running.put(run.id, run);
                store.save(run.view(true));
                events.publishEvent(new ChaosRunStarted(run.id, request.type(), plan.scope(), by, run.startedAt, run.endsAt));
                if (!broken.isEmpty()) {
                    act(run, "STEADY_STATE_OVERRIDDEN", plan.kpiRegion(), "started by override although "
                            + String.join("; ", run.before.violations()) + "; not checked during the run: "
                            + String.join(", ", broken));
                }
                for (Injection injection : plan.injections()) {
                    try {
                        String detail = injection.inject(run.id);
                        run.applied.add(injection);
                        act(run, injection.kind(), injection.target(), detail);
                    } catch (RuntimeException e) {
                        log.warn("Chaos run {}: {} on {} failed", run.id, injection.kind(), injection.target(), e);
                        act(run, "INJECT_FAILED", injection.target(), String.valueOf(e.getMessage()));
                        finish(run, RunStatus.FAILED, "could not " + injection.kind() + " " + injection.target() + ": " + e.getMessage());
                        return run.view(true);
                    }
                }
                if (request.type() == ExperimentType.DOCTOR_MONKEY) {
                    heal(run);
                }
                long everyMs = settings.evaluationInterval().toMillis();
                run.ticker = ticker.scheduleAtFixedRate(() -> tick(run), everyMs, everyMs, TimeUnit.MILLISECONDS);
            }
        }
        return run.view(true);
    }

    /** Aborts a running run and reverts it; a finished run is answered as it ended. */
    RunView abort(String id, String by, @Nullable String reason) {
        RunRecord run = running.get(id);
        if (run == null) {
            return store.find(id).orElseThrow(() -> Refusals.unknownRun(id));
        }
        synchronized (run) {
            if (run.status == RunStatus.RUNNING) {
                act(run, "ABORTED", run.id, "by " + by + (reason == null ? "" : ": " + reason));
                finish(run, RunStatus.ABORTED, "aborted by " + by + (reason == null ? "" : ": " + reason));
            }
            return run.view(true);
        }
    }

    KillSwitchView engageKillSwitch(String by, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason;
        synchronized (startLock) {
            killSwitch = new KillSwitchView(true, by, why, clock.instant());
        }
        events.publishEvent(new KillSwitchChanged(true, by, why, clock.instant()));
        for (RunRecord run : List.copyOf(running.values())) {
            synchronized (run) {
                if (run.status == RunStatus.RUNNING) {
                    act(run, "ABORTED", run.id, "kill switch engaged by " + by);
                    finish(run, RunStatus.ABORTED, "kill switch engaged by " + by + ": " + why);
                }
            }
        }
        return killSwitch;
    }

    KillSwitchView releaseKillSwitch(String by, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason;
        synchronized (startLock) {
            killSwitch = new KillSwitchView(false, by, why, clock.instant());
        }
        events.publishEvent(new KillSwitchChanged(false, by, why, clock.instant()));
        return killSwitch;
    }

    KillSwitchView killSwitch() {
        return killSwitch;
    }

    Optional<RunView> run(String id) {
        RunRecord run = running.get(id);
        return run != null ? Optional.of(run.view(true)) : store.find(id);
    }

    /** Running runs first, then the stored ones, newest first; no timelines. */
    List<RunView> runs() {
        List<RunView> all = new ArrayList<>();
        running.values().forEach(r -> all.add(r.view(false)));
        store.recent().stream().filter(r -> !running.containsKey(r.id())).forEach(all::add);
        all.sort(Comparator.comparing(RunView::startedAt).reversed());
        return all;
    }

    private void refuseIfKilled() {
        KillSwitchView k = killSwitch;
        if (k.engaged()) {
            throw Refusals.killSwitch("engaged by " + k.by() + " at " + k.since() + ": " + k.reason()
                    + "; release it before starting runs");
        }
    }

    private void tick(RunRecord run) {
        try {
            synchronized (run) {
                if (run.status != RunStatus.RUNNING) {
                    return;
                }
                if (!clock.instant().isBefore(run.endsAt)) {
                    finish(run, RunStatus.PASSED, "ran its " + run.plan.duration().toSeconds() + " s with the hypothesis holding");
                    return;
                }
                KpiSample sample = sample(run, "DURING", run.before);
                if (run.samples.size() < RunRecord.MAX_SAMPLES) {
                    run.samples.add(sample);
                }
                if (!sample.violations().isEmpty()) {
                    String why = String.join("; ", sample.violations());
                    act(run, "HYPOTHESIS_FAILED", run.plan.kpiRegion(), why);
                    finish(run, RunStatus.ABORTED, "steady-state hypothesis failed: " + why);
                    return;
                }
                if (run.plan.request().type() == ExperimentType.DOCTOR_MONKEY) {
                    heal(run);
                }
            }
        } catch (RuntimeException e) {
            log.error("Chaos run {}: evaluation failed", run.id, e);
        }
    }

    private void heal(RunRecord run) {
        for (DoctorMonkey.Diagnosis sick : doctor.examine(Planner.inScope(run.plan.scope()))) {
            try {
                LocalInstance replacement = doctor.replace(sick.instance(), run.id);
                act(run, "INSTANCE_REPLACED", sick.instance().id(), sick.why() + "; replaced by " + replacement.id()
                        + " on port " + replacement.port().map(String::valueOf).orElse("-"));
            } catch (RuntimeException e) {
                act(run, "REPLACE_FAILED", sick.instance().id(), String.valueOf(e.getMessage()));
            }
        }
    }

    /** Reverts what was applied (newest first), records the verdict and the report. Holds the run's monitor. */
    private void finish(RunRecord run, RunStatus verdict, String reason) {
        if (run.ticker != null) {
            run.ticker.cancel(false);
        }
        List<String> failed = new ArrayList<>();
        for (Injection injection : run.applied.reversed()) {
            try {
                act(run, injection.revertKind(), injection.target(), injection.revert(run.id));
            } catch (RuntimeException e) {
                log.error("Chaos run {}: revert of {} on {} failed", run.id, injection.kind(), injection.target(), e);
                act(run, "REVERT_FAILED", injection.target(), String.valueOf(e.getMessage()));
                failed.add(injection.target());
            }
        }
        run.applied.clear();
        run.status = failed.isEmpty() ? verdict : RunStatus.FAILED;
        run.reason = failed.isEmpty() ? reason : reason + "; NOT reverted: " + String.join(", ", failed);
        run.endedAt = clock.instant();
        run.after = sample(run, "AFTER", run.before);
        act(run, "ENDED", run.id, run.status + ": " + run.reason);
        running.remove(run.id);
        try {
            store.save(run.view(true));
        } catch (RuntimeException e) {
            log.error("Chaos run {}: report not stored", run.id, e);
        }
        events.publishEvent(new ChaosRunEnded(run.id, run.status, run.reason, run.endedAt));
    }

    private KpiSample sample(RunRecord run, String phase, @Nullable KpiSample baseline) {
        return SteadyState.sample(clock.instant(), phase,
                kpis.snapshot(run.plan.kpiRegion(), run.plan.kpiService(), settings.kpiWindow()), run.plan.thresholds(),
                baseline, run.waived);
    }

    private KpiSample now(Plan plan) {
        return SteadyState.sample(clock.instant(), SteadyState.NOW,
                kpis.snapshot(plan.kpiRegion(), plan.kpiService(), settings.kpiWindow()), plan.thresholds(), null);
    }

    private void act(RunRecord run, String kind, String target, String detail) {
        RunAction action = new RunAction(clock.instant(), kind, target, detail);
        run.actions.add(action);
        events.publishEvent(new ChaosActionTaken(run.id, action));
    }

    /** Aborts what still runs (a shutdown reverts its experiments) and stops the ticker. */
    @Override
    public void close() {
        for (RunRecord run : List.copyOf(running.values())) {
            synchronized (run) {
                if (run.status == RunStatus.RUNNING) {
                    finish(run, RunStatus.ABORTED, "backend shutting down");
                }
            }
        }
        ticker.shutdownNow();
    }
}
