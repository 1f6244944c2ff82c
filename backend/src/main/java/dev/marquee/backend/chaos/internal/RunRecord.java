package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.RunAction;
import dev.marquee.model.chaos.RunStatus;
import dev.marquee.model.chaos.RunView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/** A run in memory while it runs; every access holds its monitor. */
final class RunRecord {
    /** Samples kept in a report: two hours at one per two seconds, enough for the longest run. */
    static final int MAX_SAMPLES = 3_600;

    final String id;
    final Plan plan;
    final String by;
    final Instant startedAt;
    final Instant endsAt;
    final List<Injection> applied = new ArrayList<>();
    final List<RunAction> actions = new ArrayList<>();
    final List<KpiSample> samples = new ArrayList<>();
    RunStatus status = RunStatus.RUNNING;
    @Nullable KpiSample before;
    @Nullable KpiSample after;
    @Nullable Instant endedAt;
    @Nullable String reason;
    @Nullable ScheduledFuture<?> ticker;
    /** Limits already broken at the start and overridden: not checked during the run. */
    final Set<String> waived;

    RunRecord(String id, Plan plan, String by, Instant startedAt, Set<String> waived) {
        this.waived = Set.copyOf(waived);
        this.id = id;
        this.plan = plan;
        this.by = by;
        this.startedAt = startedAt;
        this.endsAt = startedAt.plus(plan.duration());
    }

    synchronized RunView view(boolean withTimeline) {
        return new RunView(id, plan.request().type(), plan.scope(), status, by, plan.request().reason(), startedAt, endsAt,
                endedAt, reason, plan.thresholds(), plan.blastRadius(), before, after,
                withTimeline ? List.copyOf(actions) : List.of(), withTimeline ? List.copyOf(samples) : List.of());
    }
}
