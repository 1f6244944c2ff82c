package dev.marquee.backend.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.marquee.backend.metrics.internal.StreamOperators.ClosedWindow;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.MetricsPaths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamOperatorsTest {
    /** A window boundary: 10-second windows start at multiples of 10 000 ms. */
    private static final long T0 = 1_800_000_000_000L;
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";

    private final Heartbeats records = new Heartbeats();
    private final StreamOperators operators = new StreamOperators(Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(1), T0);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private final UUID e = UUID.randomUUID();

    @Test
    void computesStartsPerSecondAndStartTimePercentilesPerRegionAndOverall() {
        operators.accept(records.start(a, US, T0 + 1_000, 400));
        operators.accept(records.start(b, US, T0 + 2_000, 800));
        operators.accept(records.start(c, US, T0 + 3_000, 1_200));
        operators.accept(records.start(d, US, T0 + 4_000, 2_000));
        operators.accept(records.start(e, EU, T0 + 5_000, 600));

        assertThat(operators.closeUpTo(T0 + 10_999)).as("not before end + lateness").isEmpty();
        List<ClosedWindow> closed = operators.closeUpTo(T0 + 11_000);
        assertThat(closed).hasSize(1);

        KpiSnapshot all = snapshot(MetricsPaths.ALL_REGIONS, 1);
        // 5 starts in 10 s; startup times 400, 600, 800, 1200, 2000: nearest rank p50 = 3rd = 800, p95 = 5th = 2000.
        assertThat(all.streamStartsPerSecond()).isEqualTo(0.5);
        assertThat(all.startTimeP50Ms()).isEqualTo(800.0);
        assertThat(all.startTimeP95Ms()).isEqualTo(2_000.0);
        KpiSnapshot us = snapshot(US, 1);
        // 400, 800, 1200, 2000: p50 = 2nd = 800, p95 = 4th = 2000.
        assertThat(us.streamStartsPerSecond()).isEqualTo(0.4);
        assertThat(us.startTimeP50Ms()).isEqualTo(800.0);
        assertThat(snapshot(EU, 1).startTimeP95Ms()).isEqualTo(600.0);
    }

    @Test
    void rebufferRatioIsStallTimeOverWatchTimeFromConsecutiveHeartbeats() {
        operators.accept(records.start(a, US, T0 + 1_000, 500));
        operators.accept(records.start(b, US, T0 + 1_000, 500));
        // In the next window: a played 9 s and stalled 1 s; b played 10 s without a stall.
        operators.accept(records.playing(a, US, T0 + 11_000, 9_000, 1_000, 720, 3_000_000));
        operators.accept(records.playing(b, US, T0 + 11_000, 10_000, 0, 1080, 6_000_000));
        operators.closeUpTo(T0 + 21_000);

        KpiSnapshot last = snapshot(US, 1);
        // stall 1000 / (play 19000 + stall 1000) = 0.05
        assertThat(last.rebufferRatio()).isCloseTo(0.05, within(1e-12));
        assertThat(last.streamStarts()).isZero();
        ClosedWindow second = operators.closedWindows().getLast();
        WindowAggregate us = second.byRegion().get(US);
        // Mean bitrate weighted by play time: (3 Mb/s * 9 s + 6 Mb/s * 10 s) / 19 s.
        assertThat(us.meanBitrateBps()).isCloseTo((3_000_000.0 * 9 + 6_000_000.0 * 10) / 19, within(1e-6));
        assertThat(us.playMsByHeight[WindowAggregate.heightBucket(720)]).isEqualTo(9_000);
        assertThat(us.playMsByHeight[WindowAggregate.heightBucket(1080)]).isEqualTo(10_000);
        // Over both windows the starts count again: 2 starts in 20 s.
        assertThat(snapshot(US, 2).streamStartsPerSecond()).isEqualTo(0.1);
    }

    @Test
    void countsLiveSessionsPerRegionUntilTheyEndOrGoIdle() {
        operators.accept(records.start(a, US, T0 + 1_000, 500));
        operators.accept(records.start(b, US, T0 + 2_000, 500));
        operators.accept(records.start(c, EU, T0 + 3_000, 500));
        operators.closeUpTo(T0 + 11_000);
        assertThat(operators.liveSessionsByRegion()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(US, 2, EU, 1));

        operators.accept(records.beat(b, US, T0 + 12_000, PlaybackEventType.END, 10_000, 0, 720, 3_000_000, null));
        operators.accept(records.playing(a, US, T0 + 12_000, 10_000, 0, 720, 3_000_000));
        operators.closeUpTo(T0 + 21_000);
        assertThat(operators.liveSessionsByRegion()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(US, 1, EU, 1));

        // Two idle minutes later only a, which kept reporting, is live.
        operators.accept(records.playing(a, US, T0 + 130_000, 20_000, 0, 720, 3_000_000));
        operators.closeUpTo(T0 + 131_000);
        assertThat(operators.liveSessionsByRegion()).containsExactlyEntriesOf(java.util.Map.of(US, 1));
    }

    @Test
    void afterAFailoverASessionsPlayAndLiveCountGoToTheRegionServingItNow() {
        operators.accept(records.start(a, US, T0 + 1_000, 500));
        // us-east-1 failed: the player reports through eu-west-1's gateway, still naming its session's region.
        operators.accept(records.playingServedIn(a, US, EU, T0 + 11_000, 10_000));
        operators.closeUpTo(T0 + 21_000);

        ClosedWindow second = operators.closedWindows().getLast();
        assertThat(second.byRegion()).containsKeys(US, EU);
        assertThat(second.byRegion().get(EU).playMs).isEqualTo(10_000);
        assertThat(second.byRegion().get(US).playMs).isZero();
        assertThat(operators.liveSessionsByRegion()).containsExactlyEntriesOf(java.util.Map.of(EU, 1));
    }

    @Test
    void aPositionJumpBeyondWallTimeIsASeekNotPlay() {
        operators.accept(records.start(a, US, T0 + 1_000, 500));
        operators.accept(records.playing(a, US, T0 + 11_000, 600_000, 0, 720, 3_000_000));
        operators.closeUpTo(T0 + 21_000);
        // 10 s of wall time plus the jitter tolerance, not ten minutes.
        assertThat(operators.closedWindows().getLast().byRegion().get(US).playMs).isEqualTo(10_000 + StreamOperators.JITTER_TOLERANCE_MS);
    }

    @Test
    void endAndErrorForgetTheSessionAndErrorsAreCounted() {
        operators.accept(records.start(a, US, T0 + 1_000, 500));
        operators.accept(records.start(b, US, T0 + 1_000, 500));
        operators.accept(records.beat(a, US, T0 + 5_000, PlaybackEventType.END, 4_000, 0, 720, 3_000_000, null));
        operators.accept(records.beat(b, US, T0 + 5_000, PlaybackEventType.ERROR, 4_000, 0, 720, 3_000_000, null));
        assertThat(operators.liveSessions()).isZero();
        operators.closeUpTo(T0 + 11_000);
        KpiSnapshot us = snapshot(US, 1);
        assertThat(us.playbackErrors()).isEqualTo(1);
        assertThat(us.rebufferRatio()).isZero();
    }

    @Test
    void computesErrorRateAndLatencyPercentilesPerService() {
        for (int i = 1; i <= 10; i++) {
            operators.accept(records.request("identity", US, i <= 2 ? 503 : 200, i * 1_000L, T0 + i * 100));
        }
        operators.accept(records.request("catalog", null, 200, 50_000, T0 + 2_000));
        operators.closeUpTo(T0 + 11_000);

        KpiSnapshot all = snapshot(MetricsPaths.ALL_REGIONS, 1);
        // 2 of 11 requests failed; latencies 1..10 ms and 50 ms: nearest rank p99 of 11 = the 11th = 50 ms.
        assertThat(all.errorRate()).isCloseTo(2.0 / 11, within(1e-12));
        assertThat(all.apiLatencyP99Ms()).isCloseTo(50.0, withinPercentage(1));
        KpiSnapshot us = snapshot(US, 1);
        assertThat(us.errorRate()).isEqualTo(0.2);
        assertThat(us.apiLatencyP99Ms()).isCloseTo(10.0, withinPercentage(1));
        KpiSnapshot identity = KpiSeries.snapshot(MetricsPaths.ALL_REGIONS, "identity", Duration.ofSeconds(10),
                StreamOperators.merge(operators.closedWindows(), MetricsPaths.ALL_REGIONS, 1));
        // identity alone: 2 of 10 failed, p99 of 1..10 ms = 10 ms (the catalog's 50 ms request is not its own).
        assertThat(identity.errorRate()).isEqualTo(0.2);
        assertThat(identity.apiRequests()).isEqualTo(10);
        assertThat(identity.apiLatencyP99Ms()).isCloseTo(10.0, withinPercentage(1));
        assertThat(KpiSeries.snapshot(MetricsPaths.ALL_REGIONS, "search", Duration.ofSeconds(10),
                StreamOperators.merge(operators.closedWindows(), MetricsPaths.ALL_REGIONS, 1)).errorRate()).isNull();
    }

    @Test
    void computesEdgeHitRatiosPerRegionAndOverall() {
        operators.accept(records.edge("edge-us-1", US, 90, 10, T0 + 1_000));
        operators.accept(records.edge("edge-eu-1", EU, 50, 50, T0 + 1_000));
        operators.closeUpTo(T0 + 11_000);
        assertThat(snapshot(US, 1).edgeHitRatio()).isEqualTo(0.9);
        assertThat(snapshot(MetricsPaths.ALL_REGIONS, 1).edgeHitRatio()).isEqualTo(0.7);
    }

    @Test
    void quietWindowsCloseEmptyAndKnownRegionsFallToZero() {
        operators.accept(records.start(a, US, T0 + 1_000, 500));
        List<ClosedWindow> closed = operators.closeUpTo(T0 + 41_000);
        assertThat(closed).extracting(ClosedWindow::startMs).containsExactly(T0, T0 + 10_000, T0 + 20_000, T0 + 30_000);
        assertThat(closed.getLast().byRegion()).containsKeys(MetricsPaths.ALL_REGIONS, US);
        assertThat(snapshot(US, 1).streamStartsPerSecond()).isZero();
        assertThat(snapshot(US, 1).startTimeP95Ms()).isNull();
        assertThat(snapshot(US, 4).streamStartsPerSecond()).isEqualTo(1 / 40.0);
    }

    @Test
    void aLateRecordFoldsIntoTheOldestOpenWindow() {
        operators.closeUpTo(T0 + 11_000);
        operators.accept(records.start(a, US, T0 + 5_000, 500));
        operators.closeUpTo(T0 + 21_000);
        assertThat(operators.closedWindows().getLast().startMs()).isEqualTo(T0 + 10_000);
        assertThat(snapshot(US, 1).streamStarts()).isEqualTo(1);
    }

    private KpiSnapshot snapshot(String region, int windows) {
        return KpiSeries.snapshot(region, Duration.ofSeconds(10L * windows),
                StreamOperators.merge(operators.closedWindows(), region, windows));
    }
}
