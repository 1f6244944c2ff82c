package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.ScheduleRequest;
import dev.marquee.model.chaos.ScheduleView;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;

/**
 * Recurring runs, e.g. Chaos Monkey every weekday 09:00–17:00 region-local, every hour. Schedules are off until
 * enabled and live in memory (none survive a restart: scheduled chaos is opted into again after one).
 * {@link #check} runs every {@link ChaosSettings#scheduleCheckInterval()} and starts each due schedule's
 * experiment through the engine, as {@code scheduler:<name>}; a refusal (kill switch, no victims) is recorded.
 */
final class ChaosScheduler {
    private static final Logger log = LoggerFactory.getLogger(ChaosScheduler.class);
    /** A week of minutes: the horizon in which the next run is looked for. */
    private static final long NEXT_RUN_HORIZON_MINUTES = 7 * 24 * 60 + 1;
    /** Shortest interval between runs of one schedule. */
    static final long MIN_EVERY_MINUTES = 1;

    private final ChaosEngine engine;
    private final Clock clock;
    private final Map<String, Entry> schedules = new ConcurrentSkipListMap<>();

    private record Entry(ScheduleRequest schedule, @Nullable Instant lastRunAt, @Nullable String lastRunId,
                         @Nullable String lastRefusal) {}

    ChaosScheduler(ChaosEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    ScheduleView put(String name, ScheduleRequest request) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw Refusals.badRequest("a schedule name is 1-64 letters, digits, '.', '_' or '-'");
        }
        if (request.experiment() == null || request.days() == null || request.days().isEmpty() || request.from() == null
                || request.to() == null || !request.from().isBefore(request.to()) || request.everyMinutes() < MIN_EVERY_MINUTES) {
            throw Refusals.badRequest("a schedule needs an experiment, at least one day, from < to and everyMinutes >= "
                    + MIN_EVERY_MINUTES);
        }
        zone(request.timeZone());
        engine.preview(request.experiment()); // refuses a bad experiment now, not at 09:00
        Entry old = schedules.get(name);
        schedules.put(name, new Entry(request, old == null ? null : old.lastRunAt(), old == null ? null : old.lastRunId(), null));
        return view(name);
    }

    boolean remove(String name) {
        return schedules.remove(name) != null;
    }

    List<ScheduleView> list() {
        return schedules.keySet().stream().map(this::view).toList();
    }

    ScheduleView view(String name) {
        Entry e = schedules.get(name);
        if (e == null) {
            throw Refusals.unknownTarget("no schedule " + name);
        }
        return new ScheduleView(name, e.schedule(), e.lastRunAt(), e.lastRunId(), e.lastRefusal(),
                e.schedule().enabled() ? nextRun(e, clock.instant()) : null);
    }

    /** Starts every enabled schedule that is due now. */
    void check() {
        Instant now = clock.instant();
        for (var item : schedules.entrySet()) {
            Entry e = item.getValue();
            if (!e.schedule().enabled() || !due(e, now)) {
                continue;
            }
            try {
                String runId = engine.start(e.schedule().experiment(), "scheduler:" + item.getKey()).id();
                schedules.put(item.getKey(), new Entry(e.schedule(), now, runId, null));
            } catch (ErrorResponseException refused) {
                String why = refused.getBody().getDetail();
                log.info("Chaos schedule {} not started: {}", item.getKey(), why);
                schedules.put(item.getKey(), new Entry(e.schedule(), now, e.lastRunId(), why));
            } catch (RuntimeException ex) {
                log.error("Chaos schedule {} failed", item.getKey(), ex);
            }
        }
    }

    private static boolean due(Entry e, Instant now) {
        return due(e.schedule(), e.lastRunAt(), now);
    }

    /** Whether a schedule that last ran at {@code lastRunAt} should start a run at {@code now}. */
    static boolean due(ScheduleRequest s, @Nullable Instant lastRunAt, Instant now) {
        ZonedDateTime local = now.atZone(zone(s.timeZone()));
        boolean inWindow = s.days().contains(local.getDayOfWeek()) && !local.toLocalTime().isBefore(s.from())
                && local.toLocalTime().isBefore(s.to());
        return inWindow && (lastRunAt == null
                || Duration.between(lastRunAt, now).compareTo(Duration.ofMinutes(s.everyMinutes())) >= 0);
    }

    private static @Nullable Instant nextRun(Entry e, Instant now) {
        Instant t = now.truncatedTo(ChronoUnit.MINUTES);
        for (long i = 0; i < NEXT_RUN_HORIZON_MINUTES; i++, t = t.plus(Duration.ofMinutes(1))) {
            if (due(e, t)) {
                return t.isBefore(now) ? now : t;
            }
        }
        return null;
    }

    private static ZoneId zone(@Nullable String id) {
        try {
            return ZoneId.of(id == null ? "" : id);
        } catch (DateTimeException e) {
            throw Refusals.badRequest("timeZone must be a region id such as America/New_York, was " + id);
        }
    }
}
