package dev.marquee.console.ui;

import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.ScheduleRequest;
import dev.marquee.model.chaos.ScheduleView;
import dev.marquee.model.chaos.SteadyStateThresholds;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How the Chaos view words runs, scopes, KPIs, limits and schedules. Pure functions of the wire records. */
public final class ChaosText {
    private ChaosText() {}

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm")
            .withLocale(Locale.ROOT).withZone(ZoneId.systemDefault());
    /** Placeholder of a KPI with no data (no requests, no playback): not a zero. */
    public static final String NO_DATA = "–";

    /** "Latency Monkey" for LATENCY_MONKEY. */
    public static String name(ExperimentType type) {
        return Arrays.stream(type.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    /** "Latency Monkey on us-east-1 · catalog". */
    public static String title(RunView run) {
        return name(run.type()) + " on " + scope(run.scope());
    }

    /** The scope's set fields, narrowest last; "every region" when none is set. */
    public static String scope(@Nullable ChaosScope scope) {
        if (scope == null) {
            return "every region";
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {scope.region(), scope.zone(), scope.service(), scope.instanceId()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        if (scope.edgeNodeId() != null) {
            parts.add("edge " + scope.edgeNodeId());
        }
        return parts.isEmpty() ? "every region" : String.join(" · ", parts);
    }

    /** "RUNNING · 42 s left", or the verdict. */
    public static String status(RunView run, Instant now) {
        if (run.status().isVerdict()) {
            return run.status().name();
        }
        long left = Math.max(0, Duration.between(now, run.endsAt()).toSeconds());
        return run.status().name() + " · " + left + " s left";
    }

    public static String time(@Nullable Instant at) {
        return at == null ? NO_DATA : CLOCK.format(at);
    }

    public static String perSecond(double value) {
        return String.format("%.2f /s", value);
    }

    /** A share 0..1 as a percentage. */
    public static String percent(@Nullable Double share) {
        return share == null ? NO_DATA : String.format("%.1f %%", 100 * share);
    }

    public static String millis(@Nullable Double ms) {
        return ms == null ? NO_DATA : String.format("%.0f ms", ms);
    }

    /** The limits of a run's steady-state hypothesis in one line; none for a repair action (Doctor Monkey). */
    public static String limits(@Nullable SteadyStateThresholds t) {
        if (t == null) {
            return "none (a repair action has no steady-state hypothesis)";
        }
        return "SPS drop ≤ " + (t.maxSpsDropPercent() == null ? NO_DATA : String.format("%.0f %%", t.maxSpsDropPercent()))
                + " · errors ≤ " + percent(t.maxErrorRate()) + " · p99 ≤ " + millis(t.maxP99LatencyMs())
                + " · rebuffer ≤ " + percent(t.maxRebufferRatio());
    }

    /** What a preview says a run touches, one line per kind. */
    public static List<String> blastRadius(BlastRadius radius) {
        return List.of(
                "Regions: " + list(radius.regions()),
                "Zones: " + list(radius.zones()),
                "Instances (" + radius.instances().size() + "): " + list(radius.instances()),
                "Edge nodes: " + list(radius.edgeNodes()),
                "Live viewer sessions: " + radius.liveSessions() + (radius.liveSessionsByRegion().isEmpty() ? ""
                        : " (" + radius.liveSessionsByRegion().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * The preview's steady-state check: the scope's KPIs now against the limits the run would be held to, and a
     * warning when they already break one. Empty from an engine that does not check.
     */
    public static List<String> steadyStateNow(BlastRadius radius) {
        KpiSample now = radius.current();
        if (now == null) {
            return List.of();
        }
        SteadyStateThresholds t = radius.limits();
        if (t == null) {
            return List.of("Steady state: no hypothesis (a repair action); KPIs now: " + kpis(now));
        }
        return List.of("KPIs now: " + kpis(now), "Limits: " + limits(t));
    }

    /** Why a start would be refused, or empty while the hypothesis holds. */
    public static String steadyStateWarning(@Nullable BlastRadius radius) {
        if (radius == null || !radius.steadyStateViolated()) {
            return "";
        }
        return "The steady state already fails: " + String.join("; ", Objects.requireNonNull(radius.current()).violations())
                + ". The engine refuses to start unless you tick \"start although the steady state fails\" (the broken "
                + "limits are then not checked during the run).";
    }

    /** One sample's figures in one line. */
    public static String kpis(KpiSample k) {
        return "SPS " + perSecond(k.streamStartsPerSecond()) + " · errors " + percent(k.errorRate()) + " · p99 "
                + millis(k.apiLatencyP99Ms()) + " · rebuffer " + percent(k.rebufferRatio());
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** "weekdays 09:00–17:00 America/Los_Angeles, every 60 min"; other sets of days listed ("Sat, Sun"). */
    public static String when(ScheduleRequest s) {
        String days = s.days().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT))
                .collect(Collectors.joining(", "));
        boolean weekdays = s.days().equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        return (s.days().size() == DayOfWeek.values().length ? "daily" : weekdays ? "weekdays" : days) + " " + s.from()
                + "–" + s.to() + " "
                + s.timeZone() + ", every " + s.everyMinutes() + " min";
    }

    /** The schedule's experiment, e.g. "Chaos Monkey on us-west-2, 60 s". */
    public static String experiment(ScheduleView v) {
        var e = v.schedule().experiment();
        return name(e.type()) + " on " + scope(e.scope())
                + (e.durationSeconds() == null ? "" : ", " + e.durationSeconds() + " s");
    }

    /** Its last run (or refusal) and next run. */
    public static String lastAndNext(ScheduleView v) {
        String last = v.lastRefusal() != null ? "last refused: " + v.lastRefusal()
                : v.lastRunAt() == null ? "never ran" : "last ran " + DAY_AND_CLOCK.format(v.lastRunAt());
        return last + " · next " + (v.nextRunAt() == null ? NO_DATA : DAY_AND_CLOCK.format(v.nextRunAt()));
    }
}
