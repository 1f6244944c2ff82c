package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.metrics.internal.StreamOperators.Merged;
import dev.marquee.model.metrics.KpiSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns merged window aggregates into KPI snapshots and into points of the time-series store. The series
 * names below are the store's vocabulary; every series has a {@code region} tag ({@code all} for overall).
 */
final class KpiSeries {
    private KpiSeries() {}

    static final String REGION = "region";
    static final String SERVICE = "service";
    static final String HEIGHT = "height";
    static final String NODE = "node";

    static final String SPS = "playback.sps";
    static final String START_TIME_P50 = "playback.startTime.p50";
    static final String START_TIME_P95 = "playback.startTime.p95";
    static final String REBUFFER_RATIO = "playback.rebufferRatio";
    static final String BITRATE_MEAN = "playback.bitrate.mean";
    /** Share of play time per picture height bucket ({@code height} tag = the bucket's upper bound). */
    static final String HEIGHT_SHARE = "playback.heightShare";
    static final String PLAYBACK_ERRORS = "playback.errors";
    static final String API_RATE = "api.requests.rate";
    static final String API_ERROR_RATE = "api.errorRate";
    static final String API_LATENCY_P50 = "api.latency.p50";
    static final String API_LATENCY_P95 = "api.latency.p95";
    static final String API_LATENCY_P99 = "api.latency.p99";
    static final String EDGE_HIT_RATIO = "edge.hitRatio";
    static final String EDGE_BYTES_RATE = "edge.bytesServed.rate";

    static KpiSnapshot snapshot(String region, Duration window, Merged merged) {
        return snapshot(region, null, window, merged);
    }

    /** A snapshot whose API figures are those of {@code service} (no requests: nulls), or of all services. */
    static KpiSnapshot snapshot(String region, @Nullable String service, Duration window, Merged merged) {
        WindowAggregate a = merged.aggregate();
        double seconds = merged.seconds();
        WindowAggregate.ServiceStats api = service == null ? a.api
                : a.apiByService.getOrDefault(service, new WindowAggregate.ServiceStats());
        return new KpiSnapshot(region, service, window, Instant.ofEpochMilli(merged.fromMs()), Instant.ofEpochMilli(merged.toMs()),
                seconds == 0 ? 0 : a.streamStarts / seconds,
                a.startupPercentileMs(50), a.startupPercentileMs(95), a.rebufferRatio(),
                api.errorRate(), api.latencyPercentileMs(99),
                a.streamStarts, api.requests, a.playbackErrors, a.edgeHitRatio());
    }

    /** Writes the points of one region's merged aggregate at its start time. */
    static void publish(TimeSeriesStore store, String region, Merged merged) {
        WindowAggregate a = merged.aggregate();
        long at = merged.fromMs();
        double seconds = merged.seconds();
        if (seconds == 0) {
            return;
        }
        Map<String, String> tags = Map.of(REGION, region);
        store.put(SPS, tags, at, a.streamStarts / seconds);
        store.put(PLAYBACK_ERRORS, tags, at, a.playbackErrors);
        put(store, START_TIME_P50, tags, at, a.startupPercentileMs(50));
        put(store, START_TIME_P95, tags, at, a.startupPercentileMs(95));
        put(store, REBUFFER_RATIO, tags, at, a.rebufferRatio());
        put(store, BITRATE_MEAN, tags, at, a.meanBitrateBps());
        if (a.playMs > 0) {
            for (int i = 0; i < a.playMsByHeight.length; i++) {
                store.put(HEIGHT_SHARE, Map.of(REGION, region, HEIGHT, String.valueOf(WindowAggregate.HEIGHT_BUCKETS[i])),
                        at, (double) a.playMsByHeight[i] / a.playMs);
            }
        }
        store.put(API_RATE, tags, at, a.api.requests / seconds);
        put(store, API_ERROR_RATE, tags, at, a.api.errorRate());
        put(store, API_LATENCY_P50, tags, at, a.api.latencyPercentileMs(50));
        put(store, API_LATENCY_P95, tags, at, a.api.latencyPercentileMs(95));
        put(store, API_LATENCY_P99, tags, at, a.api.latencyPercentileMs(99));
        a.apiByService.forEach((service, stats) -> {
            Map<String, String> serviceTags = Map.of(REGION, region, SERVICE, service);
            store.put(API_RATE, serviceTags, at, stats.requests / seconds);
            put(store, API_ERROR_RATE, serviceTags, at, stats.errorRate());
            put(store, API_LATENCY_P50, serviceTags, at, stats.latencyPercentileMs(50));
            put(store, API_LATENCY_P95, serviceTags, at, stats.latencyPercentileMs(95));
            put(store, API_LATENCY_P99, serviceTags, at, stats.latencyPercentileMs(99));
        });
        put(store, EDGE_HIT_RATIO, tags, at, a.edgeHitRatio());
        store.put(EDGE_BYTES_RATE, tags, at, a.edgeBytesServed / seconds);
        a.edgeHitsMissesByNode.forEach((node, hitsMisses) -> {
            long requests = hitsMisses[0] + hitsMisses[1];
            if (requests > 0) {
                store.put(EDGE_HIT_RATIO, Map.of(REGION, region, NODE, node), at, (double) hitsMisses[0] / requests);
            }
        });
    }

    private static void put(TimeSeriesStore store, String name, Map<String, String> tags, long at, @Nullable Double value) {
        if (value != null) {
            store.put(name, tags, at, value);
        }
    }
}
