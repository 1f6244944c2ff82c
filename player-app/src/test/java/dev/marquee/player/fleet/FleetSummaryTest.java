package dev.marquee.player.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FleetSummaryTest {

    private static ViewerResult viewer(int n, List<Long> startups, int stalls, long stallMs, long playedMs, long mediaMs,
                                       long bitrateBps, List<String> errors) {
        return new ViewerResult(n, startups, stalls, stallMs, playedMs, mediaMs, bitrateBps, 1, 0, mediaMs / 2_000,
                mediaMs * 100, startups.size(), errors, List.of());
    }

    @Test
    void countsViewersThatNeverStartedAsFailed() {
        FleetSummary s = FleetSummary.of(3, List.of(
                viewer(1, List.of(400L), 0, 0, 10_000, 12_000, 1_000_000, List.of()),
                viewer(2, List.of(), 0, 0, 0, 0, 0, List.of("licence: concurrent-stream-limit"))), 20_000, null, null);

        assertThat(s.started()).isEqualTo(1);
        assertThat(s.failed()).isEqualTo(2); // viewer 3 left no result at all
        assertThat(s.errorsByReason()).containsExactly(Map.entry("licence: concurrent-stream-limit", 1));
    }

    @Test
    void startupPercentilesAreNearestRankOverEverySession() {
        List<Long> startups = List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1_000L);
        FleetSummary s = FleetSummary.of(2, List.of(
                viewer(1, startups.subList(0, 5), 0, 0, 1, 1, 1, List.of()),
                viewer(2, startups.subList(5, 10), 0, 0, 1, 1, 1, List.of())), 1, null, null);

        assertThat(s.startupP50Ms()).isEqualTo(500L);
        assertThat(s.startupP95Ms()).isEqualTo(1_000L);
        assertThat(FleetSummary.percentile(List.of(7L), 95)).isEqualTo(7L);
        assertThat(FleetSummary.percentile(List.of(), 50)).isNull();
    }

    @Test
    void rebufferRatioIsStallTimeOverPlayedPlusStallTime() {
        FleetSummary s = FleetSummary.of(2, List.of(
                viewer(1, List.of(1L), 2, 1_000, 30_000, 30_000, 1, List.of()),
                viewer(2, List.of(1L), 0, 0, 9_000, 9_000, 1, List.of())), 1, null, null);

        assertThat(s.stalls()).isEqualTo(2);
        assertThat(s.viewersStalled()).isEqualTo(1);
        assertThat(s.rebufferRatio()).isEqualTo(1_000.0 / 40_000);
    }

    @Test
    void rebufferRatioIsUnknownNotZeroWhenNothingPlayed() {
        FleetSummary s = FleetSummary.of(1, List.of(viewer(1, List.of(), 0, 0, 0, 0, 0, List.of("session: HTTP 503"))), 1,
                null, null);

        assertThat(s.rebufferRatio()).isNull();
        assertThat(s.startupP50Ms()).isNull();
        assertThat(s.toText()).contains("no session started").contains("rebuffer ratio n/a");
    }

    @Test
    void meanBitrateIsWeightedByMediaTime() {
        FleetSummary s = FleetSummary.of(2, List.of(
                viewer(1, List.of(1L), 0, 0, 1, 30_000, 3_000_000, List.of()),
                viewer(2, List.of(1L), 0, 0, 1, 10_000, 1_000_000, List.of())), 1, null, null);

        assertThat(s.meanBitrateBps()).isEqualTo(2_500_000);
    }

    @Test
    void groupsErrorsByReasonAcrossViewers() {
        FleetSummary s = FleetSummary.of(2, List.of(
                viewer(1, List.of(1L), 0, 0, 1, 1, 1, List.of("playback: no edge", "session: HTTP 503")),
                viewer(2, List.of(1L), 0, 0, 1, 1, 1, List.of("session: HTTP 503"))), 1, null, null);

        assertThat(s.errorsByReason()).containsExactly(Map.entry("playback: no edge", 1), Map.entry("session: HTTP 503", 2));
        assertThat(s.toText()).contains("errors     3").contains("    2  session: HTTP 503");
    }

    @Test
    void printsEveryFigureForPeopleAndAsJson() {
        FleetSummary s = FleetSummary.of(1, List.of(new ViewerResult(1, List.of(420L), 1, 600, 59_400, 64_000,
                1_840_000, 2, 1, 32, 14_720_000, 1, List.of(), List.of("ConnectException"))), 61_000, "us-east-1", "comcast");

        assertThat(s.toText()).contains("1 viewers for 61.0 s, region us-east-1, ISP comcast")
                .contains("1 started, 0 failed (1 play sessions)").contains("p50 420 ms, p95 420 ms")
                .contains("1 (1 viewers, 0.6 s), rebuffer ratio 1.000 %").contains("mean 1.84 Mbit/s")
                .contains("edge 2, region 1 (failed control calls: ConnectException ×1)").contains("59.4 s played, 32 segments, 14.7 MB").contains("errors     none");
        JsonNode json = JsonMapper.builder().build().valueToTree(s);
        assertThat(json.path("startupP95Ms").asLong()).isEqualTo(420);
        assertThat(json.path("rebufferRatio").asDouble()).isEqualTo(0.01);
        assertThat(json.path("regionFailovers").asInt()).isEqualTo(1);
        assertThat(json.path("errorsByReason").isObject()).isTrue();
        assertThat(json.path("controlFailuresByCause").path("ConnectException").asInt()).isEqualTo(1);
    }
}
