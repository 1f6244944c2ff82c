package dev.marquee.backend.metrics.internal;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;
import org.jspecify.annotations.Nullable;

/**
 * What the operators accumulated for one region (or all) in one window. Mergeable, so a snapshot over several
 * windows is exact (histograms are added, not their percentiles averaged). Not thread-safe: written by the
 * operators' thread until its window closes, read-only afterwards.
 */
final class WindowAggregate {
    /** Startup times above two minutes are recorded as two minutes: the viewer has long given up. */
    static final long MAX_STARTUP_MS = 120_000;
    /** Three significant digits: startup times below 2048 ms are exact, above within 0.1 %. */
    static final int STARTUP_DIGITS = 3;
    /** API latencies above a minute are recorded as a minute (no request lives longer behind the gateway). */
    static final long MAX_LATENCY_US = 60_000_000;
    /** Two significant digits (1 %): plenty for latency percentiles, and small enough to keep per service. */
    static final int LATENCY_DIGITS = 2;
    /** Upper bounds of the picture height buckets of the bitrate mix; taller pictures go into the last. */
    static final int[] HEIGHT_BUCKETS = {240, 360, 480, 720, 1080, 2160, 4320};

    long streamStarts;
    @Nullable IntCountsHistogram startupMs;
    long heartbeats;
    long playbackErrors;
    long playMs;
    long stallMs;
    final long[] playMsByHeight = new long[HEIGHT_BUCKETS.length];
    /** Sum of bitrate × play time, for the play-time-weighted mean bitrate. */
    double bitrateBpsMs;

    final ServiceStats api = new ServiceStats();
    final Map<String, ServiceStats> apiByService = new TreeMap<>();

    long edgeHits;
    long edgeMisses;
    long edgeBytesServed;
    final Map<String, long[]> edgeHitsMissesByNode = new TreeMap<>();

    void recordStart(long startupTimeMs) {
        streamStarts++;
        if (startupMs == null) {
            startupMs = new IntCountsHistogram(MAX_STARTUP_MS, STARTUP_DIGITS);
        }
        startupMs.recordValue(Math.clamp(startupTimeMs, 0, MAX_STARTUP_MS));
    }

    void recordPlay(long playDeltaMs, long stallDeltaMs, int height, long bitrateBps) {
        playMs += playDeltaMs;
        stallMs += stallDeltaMs;
        playMsByHeight[heightBucket(height)] += playDeltaMs;
        bitrateBpsMs += (double) bitrateBps * playDeltaMs;
    }

    void recordRequest(String service, int status, long latencyUs) {
        api.record(status, latencyUs);
        apiByService.computeIfAbsent(service, s -> new ServiceStats()).record(status, latencyUs);
    }

    void recordEdge(String nodeId, long hits, long misses, long bytesServed) {
        edgeHits += hits;
        edgeMisses += misses;
        edgeBytesServed += bytesServed;
        long[] node = edgeHitsMissesByNode.computeIfAbsent(nodeId, n -> new long[2]);
        node[0] += hits;
        node[1] += misses;
    }

    /** Adds {@code other} into this. */
    void add(WindowAggregate other) {
        streamStarts += other.streamStarts;
        if (other.startupMs != null) {
            if (startupMs == null) {
                startupMs = new IntCountsHistogram(MAX_STARTUP_MS, STARTUP_DIGITS);
            }
            startupMs.add(other.startupMs);
        }
        heartbeats += other.heartbeats;
        playbackErrors += other.playbackErrors;
        playMs += other.playMs;
        stallMs += other.stallMs;
        for (int i = 0; i < playMsByHeight.length; i++) {
            playMsByHeight[i] += other.playMsByHeight[i];
        }
        bitrateBpsMs += other.bitrateBpsMs;
        api.add(other.api);
        other.apiByService.forEach((service, stats) -> apiByService.computeIfAbsent(service, s -> new ServiceStats()).add(stats));
        edgeHits += other.edgeHits;
        edgeMisses += other.edgeMisses;
        edgeBytesServed += other.edgeBytesServed;
        other.edgeHitsMissesByNode.forEach((node, counts) -> {
            long[] mine = edgeHitsMissesByNode.computeIfAbsent(node, n -> new long[2]);
            mine[0] += counts[0];
            mine[1] += counts[1];
        });
    }

    @Nullable Double startupPercentileMs(double percentile) {
        return percentile(startupMs, percentile, 1);
    }

    /** Stall time over watch time (play + stall), or null without any. */
    @Nullable Double rebufferRatio() {
        long watched = playMs + stallMs;
        return watched == 0 ? null : (double) stallMs / watched;
    }

    @Nullable Double meanBitrateBps() {
        return playMs == 0 ? null : bitrateBpsMs / playMs;
    }

    @Nullable Double edgeHitRatio() {
        long requests = edgeHits + edgeMisses;
        return requests == 0 ? null : (double) edgeHits / requests;
    }

    static int heightBucket(int height) {
        for (int i = 0; i < HEIGHT_BUCKETS.length; i++) {
            if (height <= HEIGHT_BUCKETS[i]) {
                return i;
            }
        }
        return HEIGHT_BUCKETS.length - 1;
    }

    /** A percentile of a histogram divided by {@code unit} (e.g. µs to ms), or null when it is empty. */
    static @Nullable Double percentile(@Nullable AbstractHistogram histogram, double percentile, double unit) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return null;
        }
        return histogram.getValueAtPercentile(percentile) / unit;
    }

    /** Requests, server errors and latency of one service (or all). */
    static final class ServiceStats {
        long requests;
        long serverErrors;
        @Nullable IntCountsHistogram latencyUs;

        void record(int status, long latency) {
            requests++;
            if (status >= 500) {
                serverErrors++;
            }
            if (latencyUs == null) {
                latencyUs = new IntCountsHistogram(MAX_LATENCY_US, LATENCY_DIGITS);
            }
            latencyUs.recordValue(Math.clamp(latency, 0, MAX_LATENCY_US));
        }

        void add(ServiceStats other) {
            requests += other.requests;
            serverErrors += other.serverErrors;
            if (other.latencyUs != null) {
                if (latencyUs == null) {
                    latencyUs = new IntCountsHistogram(MAX_LATENCY_US, LATENCY_DIGITS);
                }
                latencyUs.add(other.latencyUs);
            }
        }

        @Nullable Double errorRate() {
            return requests == 0 ? null : (double) serverErrors / requests;
        }

        @Nullable Double latencyPercentileMs(double percentile) {
            return percentile(latencyUs, percentile, 1_000.0);
        }
    }
}
