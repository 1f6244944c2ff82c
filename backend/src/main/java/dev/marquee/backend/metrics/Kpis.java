package dev.marquee.backend.metrics;

import dev.marquee.model.metrics.KpiSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The platform's key indicators from closed metric windows, for the chaos engine's steady-state hypothesis and
 * the console. Thread-safe and cheap (merges a few windows); never blocks on the stream operators.
 */
public interface Kpis {
    /** Longest window a snapshot may cover. */
    Duration MAX_WINDOW = Duration.ofMinutes(5);

    /**
     * @param region a region name, or {@link dev.marquee.model.metrics.MetricsPaths#ALL_REGIONS}
     * @param window a multiple of the metric window (10 s by default), at most {@link #MAX_WINDOW}
     * @throws IllegalArgumentException for a window that is not such a multiple
     */
    default KpiSnapshot snapshot(String region, Duration window) {
        return snapshot(region, null, window);
    }

    /**
     * The same, with the API figures (requests, error rate, p99 latency) of one backend service only, e.g.
     * {@code identity}: what a Latency Monkey run against that service watches.
     */
    KpiSnapshot snapshot(String region, @Nullable String service, Duration window);

    /**
     * Live playback sessions per region (started or heartbeating, not ended, not idle), as of the last closed
     * window: the viewers a chaos run in that region would touch.
     */
    Map<String, Integer> liveSessionsByRegion();

    /** Regions seen in the retained windows, sorted. */
    List<String> regions();
}
