package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.ApiRequestCompleted;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.metrics.MetricsPaths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./marquee bench metrics}: how many records per second the stream operators fold, and how long closing
 * a window and publishing its series takes, on a synthetic mix of 10 000 playing sessions in 3 regions and API
 * requests of 8 services. The reference is the same loop that only counts records by type (the cost of
 * reading a record at all), measured in the same run. Best of three after a warm-up; each round is bounded.
 */
public final class OperatorsBenchmark {
    static final int SESSIONS = 10_000;
    static final int RECORDS = 2_000_000;
    static final int ROUNDS = 3;
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
    static final List<String> SERVICES = List.of("identity", "catalog", "search", "playback", "license", "gateway", "edge", "events");
    /** Log time advances 5 µs per record: 200 000 records per second of log time, 20 windows per round. */
    static final long LOG_NANOS_PER_RECORD = 5_000;

    private OperatorsBenchmark() {}

    public static void main(String[] args) {
        LogRecord[] records = records();
        double fold = 0, reference = 0;
        long closeNs = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS + 1; round++) {
            long t0 = 1_800_000_000_000L;
            StreamOperators operators = new StreamOperators(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(2),
                    Duration.ofMinutes(5), Duration.ofHours(1), t0);
            TimeSeriesStore store = new TimeSeriesStore(Duration.ofSeconds(10), Duration.ofHours(1));
            long start = System.nanoTime();
            for (LogRecord record : records) {
                operators.accept(record);
            }
            double rate = records.length / ((System.nanoTime() - start) / 1e9);
            long closeStart = System.nanoTime();
            List<StreamOperators.ClosedWindow> closed = operators.closeUpTo(records[records.length - 1].timestampMs() + 20_000);
            for (StreamOperators.ClosedWindow window : closed) {
                for (String region : window.byRegion().keySet()) {
                    KpiSeries.publish(store, region, StreamOperators.merge(List.of(window), region, 1));
                }
            }
            long closeAll = System.nanoTime() - closeStart;
            long[] counts = new long[3];
            start = System.nanoTime();
            for (LogRecord record : records) {
                switch (record.value()) {
                    case HeartbeatReceived h -> counts[0] += h.heartbeat().positionMs() > 0 ? 1 : 0;
                    case ApiRequestCompleted a -> counts[1] += a.status() >= 500 ? 1 : 0;
                    default -> counts[2]++;
                }
            }
            double scan = records.length / ((System.nanoTime() - start) / 1e9);
            if (round > 0) {
                fold = Math.max(fold, rate);
                reference = Math.max(reference, scan);
                closeNs = Math.min(closeNs, closeAll / Math.max(1, closed.size()));
            }
            if (counts[2] < 0) {
                System.out.println(counts[0] + counts[1]);
            }
        }
        System.out.printf("operators: %,d records (%d sessions, %d regions, %d services), best of %d%n",
                RECORDS, SESSIONS, REGIONS.size(), SERVICES.size(), ROUNDS);
        System.out.printf("fold into windows:               %,12.0f records/s%n", fold);
        System.out.printf("reference (read and count only): %,12.0f records/s%n", reference);
        System.out.printf("ratio fold / reference:          %12.3f%n", fold / reference);
        System.out.printf("close + publish one window:      %12.2f ms (all regions, %s + 3 regions)%n", closeNs / 1e6, MetricsPaths.ALL_REGIONS);
    }

    private static LogRecord[] records() {
        UUID[] sessions = new UUID[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            sessions[i] = UUID.randomUUID();
        }
        UUID title = UUID.randomUUID();
        LogRecord[] records = new LogRecord[RECORDS];
        long t0 = 1_800_000_000_000L;
        for (int n = 0; n < RECORDS; n++) {
            long at = t0 + n * LOG_NANOS_PER_RECORD / 1_000_000;
            int s = n % SESSIONS;
            String region = REGIONS.get(s % REGIONS.size());
            Object value;
            if (n % 2 == 0) {
                int beat = n / SESSIONS;
                PlaybackEventType type = beat == 0 ? PlaybackEventType.START : PlaybackEventType.PLAYING;
                value = new HeartbeatReceived(title, new PlaybackHeartbeat(sessions[s], title, title, region, "edge-1", type,
                        beat * 10_000L, 3, 3_000_000, 720, 8_000, 0, beat * 10L, beat == 0 ? 700L + s % 900 : null, null, 0, 0,
                        Instant.EPOCH));
            } else {
                value = new ApiRequestCompleted("GET", "/api/x", n % 100 == 1 ? 503 : 200, 500 + n % 20_000,
                        SERVICES.get(n % SERVICES.size()), region);
            }
            records[n] = new LogRecord(n % 2 == 0 ? Topics.PLAYBACK_HEARTBEATS : Topics.API_REQUESTS, 0, n, at, null, value);
        }
        return records;
    }
}
