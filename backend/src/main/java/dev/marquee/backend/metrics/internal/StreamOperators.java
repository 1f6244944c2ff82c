package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.ApiRequestCompleted;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.metrics.EdgeStatsSample;
import dev.marquee.model.metrics.MetricsPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The stream operators (the Flink role): fold heartbeats, API request events and edge stats into tumbling
 * windows by the records' log time, per region and overall, and close each window once the clock has passed its
 * end plus an allowed lateness. A record later than that folds into the oldest open window: nothing is dropped.
 * Per playback session they keep the last position and stall counter, so play and stall time are the
 * differences between a session's consecutive heartbeats.
 * <p>
 * Single-threaded: {@link #accept} and {@link #closeUpTo} are called by the one processing thread (or a test).
 * {@link #closedWindows()} may be read from any thread: closed windows are never written again.
 */
final class StreamOperators {
    /**
     * A heartbeat may arrive this much later than the wall time its position advanced by (network, GC) and still
     * count fully; a position jump beyond wall time plus this is a seek, not play.
     */
    static final long JITTER_TOLERANCE_MS = 2_000;
    /** After a long pause of the process, windows are not back-filled further than this many. */
    static final int MAX_BACKFILL_WINDOWS = 360;

    /** A closed window: per region, plus {@link MetricsPaths#ALL_REGIONS}. Read-only. */
    record ClosedWindow(long startMs, long endMs, Map<String, WindowAggregate> byRegion) {}

    private final long windowMs;
    private final long latenessMs;
    private final long sessionIdleMs;
    private final long regionMemoryMs;
    private final int keepWindows;

    private final TreeMap<Long, Map<String, WindowAggregate>> open = new TreeMap<>();
    private final Map<UUID, Session> sessions = new HashMap<>();
    private final Map<String, Long> regionLastSeenMs = new HashMap<>();
    /** End of the last closed window = start of the oldest window that may still receive records. */
    private long closedUpToMs;
    private volatile List<ClosedWindow> closed = List.of();
    private volatile Map<String, Integer> liveSessionsByRegion = Map.of();

    /**
     * @param startMs        log time at which processing starts; its window is the first open one
     * @param keep           how much closed history to keep for {@link #closedWindows()} (snapshots)
     * @param regionMemory   how long a region that stopped reporting still gets (empty) windows, so its series fall to zero
     */
    StreamOperators(Duration window, Duration lateness, Duration sessionIdle, Duration keep, Duration regionMemory, long startMs) {
        this.windowMs = window.toMillis();
        this.latenessMs = lateness.toMillis();
        this.sessionIdleMs = sessionIdle.toMillis();
        this.regionMemoryMs = regionMemory.toMillis();
        this.keepWindows = (int) Math.max(1, keep.toMillis() / windowMs);
        if (windowMs <= 0 || latenessMs < 0) {
            throw new IllegalArgumentException("window must be positive and lateness not negative");
        }
        this.closedUpToMs = Math.floorDiv(startMs, windowMs) * windowMs;
    }

    long windowMs() {
        return windowMs;
    }

    /** When the oldest open window may be closed. */
    long nextCloseAtMs() {
        return closedUpToMs + windowMs + latenessMs;
    }

    void accept(LogRecord record) {
        long start = Math.max(Math.floorDiv(record.timestampMs(), windowMs) * windowMs, closedUpToMs);
        Map<String, WindowAggregate> window = open.computeIfAbsent(start, s -> new HashMap<>());
        switch (record.value()) {
            case HeartbeatReceived received ->
                    heartbeat(window, received.heartbeat(), received.regionServedNow(), record.timestampMs());
            case ApiRequestCompleted request -> {
                aggregate(window, MetricsPaths.ALL_REGIONS).recordRequest(request.service(), request.status(), request.latencyUs());
                if (request.region() != null) {
                    aggregate(window, request.region()).recordRequest(request.service(), request.status(), request.latencyUs());
                    regionLastSeenMs.put(request.region(), record.timestampMs());
                }
            }
            case EdgeStatsSample sample -> {
                for (String key : List.of(MetricsPaths.ALL_REGIONS, sample.region())) {
                    aggregate(window, key).recordEdge(sample.nodeId(), sample.hits(), sample.misses(), sample.bytesServed());
                }
                regionLastSeenMs.put(sample.region(), record.timestampMs());
            }
            default -> { /* another producer's record on a shared topic: not ours to count */ }
        }
    }

    /** @param servedIn where the viewer is served now: a failed-over session's QoE counts in the region serving it */
    private void heartbeat(Map<String, WindowAggregate> window, PlaybackHeartbeat beat, String servedIn, long nowMs) {
        regionLastSeenMs.put(servedIn, nowMs);
        WindowAggregate all = aggregate(window, MetricsPaths.ALL_REGIONS);
        WindowAggregate region = aggregate(window, servedIn);
        all.heartbeats++;
        region.heartbeats++;
        Session session = sessions.get(beat.sessionId());
        if (beat.type() == PlaybackEventType.START) {
            long startup = beat.startupTimeMs() == null ? 0 : beat.startupTimeMs();
            all.recordStart(startup);
            region.recordStart(startup);
        } else if (session != null) {
            long wallMs = Math.max(0, nowMs - session.seenMs) + JITTER_TOLERANCE_MS;
            long playMs = Math.clamp(beat.positionMs() - session.positionMs, 0, wallMs);
            long stallMs = Math.clamp(beat.stallDurationMs() - session.stallMs, 0, wallMs);
            all.recordPlay(playMs, stallMs, beat.height(), beat.bitrateBps());
            region.recordPlay(playMs, stallMs, beat.height(), beat.bitrateBps());
        }
        if (beat.type() == PlaybackEventType.ERROR) {
            all.playbackErrors++;
            region.playbackErrors++;
        }
        if (beat.type() == PlaybackEventType.END || beat.type() == PlaybackEventType.ERROR) {
            sessions.remove(beat.sessionId());
        } else {
            sessions.put(beat.sessionId(), new Session(servedIn, beat.positionMs(), beat.stallDurationMs(), nowMs));
        }
    }

    /**
     * Closes every window whose end plus the lateness is at or before {@code nowMs}, including empty ones (so a
     * quiet region shows zero, not a gap), and returns them oldest first.
     */
    List<ClosedWindow> closeUpTo(long nowMs) {
        List<ClosedWindow> justClosed = new ArrayList<>();
        long due = Math.floorDiv(nowMs - latenessMs - closedUpToMs, windowMs);
        if (due > MAX_BACKFILL_WINDOWS) {
            closedUpToMs += (due - MAX_BACKFILL_WINDOWS) * windowMs;
            open.headMap(closedUpToMs).clear();
        }
        while (closedUpToMs + windowMs + latenessMs <= nowMs) {
            long start = closedUpToMs;
            Map<String, WindowAggregate> byRegion = open.remove(start);
            if (byRegion == null) {
                byRegion = new HashMap<>();
            }
            byRegion.computeIfAbsent(MetricsPaths.ALL_REGIONS, r -> new WindowAggregate());
            regionLastSeenMs.values().removeIf(seen -> seen < start - regionMemoryMs);
            for (String region : regionLastSeenMs.keySet()) {
                byRegion.computeIfAbsent(region, r -> new WindowAggregate());
            }
            justClosed.add(new ClosedWindow(start, start + windowMs, Map.copyOf(byRegion)));
            closedUpToMs += windowMs;
        }
        if (!justClosed.isEmpty()) {
            sessions.values().removeIf(session -> session.seenMs < nowMs - sessionIdleMs);
            Map<String, Integer> live = new TreeMap<>();
            sessions.values().forEach(session -> live.merge(session.region, 1, Integer::sum));
            liveSessionsByRegion = Map.copyOf(live);
            List<ClosedWindow> kept = new ArrayList<>(closed);
            kept.addAll(justClosed);
            closed = List.copyOf(kept.subList(Math.max(0, kept.size() - keepWindows), kept.size()));
        }
        return justClosed;
    }

    /** The retained closed windows, oldest first. */
    List<ClosedWindow> closedWindows() {
        return closed;
    }

    /** Sessions tracked per region as of the last window close; readable from any thread. */
    Map<String, Integer> liveSessionsByRegion() {
        return liveSessionsByRegion;
    }

    /** Sessions being tracked (started or seen, not ended, not idle). */
    int liveSessions() {
        return sessions.size();
    }

    /** The merged aggregate of one region over the last {@code count} closed windows of {@code windows}. */
    static Merged merge(List<ClosedWindow> windows, String region, int count) {
        List<ClosedWindow> last = windows.subList(Math.max(0, windows.size() - count), windows.size());
        WindowAggregate merged = new WindowAggregate();
        for (ClosedWindow window : last) {
            WindowAggregate aggregate = window.byRegion().get(region);
            if (aggregate != null) {
                merged.add(aggregate);
            }
        }
        long from = last.isEmpty() ? 0 : last.getFirst().startMs();
        long to = last.isEmpty() ? 0 : last.getLast().endMs();
        return new Merged(merged, from, to);
    }

    /** Regions of the given windows, sorted, without the overall key. */
    static List<String> regions(List<ClosedWindow> windows) {
        Map<String, Boolean> regions = new TreeMap<>();
        windows.forEach(w -> w.byRegion().keySet().forEach(r -> regions.put(r, true)));
        regions.remove(MetricsPaths.ALL_REGIONS);
        return List.copyOf(regions.keySet());
    }

    record Merged(WindowAggregate aggregate, long fromMs, long toMs) {
        double seconds() {
            return (toMs - fromMs) / 1_000.0;
        }
    }

    private static WindowAggregate aggregate(Map<String, WindowAggregate> window, String region) {
        return window.computeIfAbsent(region, r -> new WindowAggregate());
    }

    private record Session(String region, long positionMs, long stallMs, long seenMs) {}
}
