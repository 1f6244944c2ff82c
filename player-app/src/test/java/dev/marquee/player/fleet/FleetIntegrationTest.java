package dev.marquee.player.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.model.metrics.MetricsPaths;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A small fleet on the real engine against the real backend: plays, reports heartbeats, stops by itself. */
class FleetIntegrationTest {

    private static final int VIEWERS = 3;
    private static final Duration PLAY = Duration.ofSeconds(20);
    /** Start-up of 3 players (device keys, sessions, licences, first segments) on a loaded 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** START heartbeats land in a 10 s window that closes 1 s after its end. */
    private static final Duration KPI_TIMEOUT = Duration.ofSeconds(40);
    /** Played by each viewer at least: the run minus the ramp, a slow start-up and the stop. */
    private static final long MIN_PLAYED_MS = 5_000;

    @Test
    void smallFleetPlaysWithoutStallsAndItsHeartbeatsReachTheMetrics() throws Exception {
        LiveBackend live = LiveBackend.get();
        var options = new Fleet.Options(live.backend.baseUrl(), VIEWERS, PLAY, null, null, live.titleId,
                "it-" + UUID.randomUUID().toString().substring(0, 8), LiveBackend.CONFIG);
        try (Fleet fleet = Fleet.start(options, live.sre(), InstantSource.system())) {
            await().atMost(START_TIMEOUT).until(() -> fleet.results().stream().allMatch(ViewerResult::started));
            await().atMost(KPI_TIMEOUT).until(() -> live.get(MetricsPaths.KPIS + "?window=60s")
                    .path("streamStarts").asLong() >= VIEWERS);
            // the edges' own counters reach the metrics too (sampled every 5 s onto the edge stats topic)
            await().atMost(KPI_TIMEOUT).until(() -> live.get(MetricsPaths.KPIS + "?window=60s")
                    .path("edgeHitRatio").isNumber());

            FleetSummary summary = fleet.awaitSummary();

            System.out.print(summary.toText());
            assertThat(summary.started()).isEqualTo(VIEWERS);
            assertThat(summary.failed()).isZero();
            assertThat(summary.stalls()).isZero();
            assertThat(summary.errorsByReason()).isEmpty();
            assertThat(summary.startupP95Ms()).isPositive();
            assertThat(summary.meanBitrateBps()).isPositive();
            assertThat(summary.wallMs()).isGreaterThanOrEqualTo(PLAY.toMillis());
            assertThat(fleet.results()).allSatisfy(r -> {
                assertThat(r.playedMs()).isGreaterThanOrEqualTo(MIN_PLAYED_MS);
                assertThat(r.segments()).isPositive();
                assertThat(r.sessions()).isEqualTo(1);
            });
        }
    }
}
