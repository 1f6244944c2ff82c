package dev.marquee.player.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.SteadyStateThresholds;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The scenario, end to end on the real backend: a fleet playing in us-east-1 → Chaos Kong on us-east-1 →
 * the players go on without a stall (the edges are data plane and keep serving), their control traffic moves to
 * another region, and the run's report shows the run, the region's gateway stopped and started, and its verdict.
 */
class ChaosKongFleetIntegrationTest {

    private static final String REGION = "us-east-1";
    private static final int VIEWERS = 3;
    /** Ramp and start-up, then the 20 s run, then a few seconds of playing after the revert. */
    private static final Duration PLAY = Duration.ofSeconds(40);
    /**
     * The outage: longer than the heartbeat interval (10 s), so every viewer makes a control call while the region is
     * down and must move; the engine's minimum is 10 s.
     */
    private static final long KONG_SECONDS = 20;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** A viewer moves at its first failed control call: its next heartbeat, at most 10 s after the outage began. */
    private static final Duration MOVE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RUN_END_TIMEOUT = Duration.ofSeconds(KONG_SECONDS + 20);

    @Test
    void playersRideOutARegionOutageAndTheirControlTrafficMovesToAnotherRegion() throws Exception {
        LiveBackend live = LiveBackend.get();
        var options = new Fleet.Options(live.backend.baseUrl(), VIEWERS, PLAY, REGION, null, live.titleId,
                "kong-" + UUID.randomUUID().toString().substring(0, 8), LiveBackend.CONFIG);
        var kong = new ExperimentRequest(ExperimentType.CHAOS_KONG, new ChaosScope(REGION, null, null, null, null),
                KONG_SECONDS, null, null, null,
                // the fleet's viewers start once and keep playing, so stream starts fall to zero after the ramp by
                // design: the hypothesis that matters here is errors, latency and rebuffering
                new SteadyStateThresholds(100.0, null, null, null), false, "synthetic fleet scenario");
        try (Fleet fleet = Fleet.start(options, live.sre(), InstantSource.system())) {
            await().atMost(START_TIMEOUT).until(() -> fleet.results().stream().allMatch(ViewerResult::started));
            // the fleet is counted in the region, and the steady state holds before the experiment (an earlier
            // test's outage may still sit in the KPI window; the engine refuses a start until it has passed)
            await().atMost(START_TIMEOUT).until(() -> {
                JsonNode preview = live.post(ChaosPaths.PREVIEW, kong);
                return preview.path("liveSessionsByRegion").path(REGION).asInt() >= VIEWERS
                        && preview.path("current").path("violations").isEmpty();
            });

            // normally all of them; a viewer whose licence call timed out on an overloaded machine has moved already
            long inRegion = fleet.controlRegions().getOrDefault(REGION, 0L);
            assertThat(inRegion).as("viewers talking to %s when Kong starts: %s", REGION, fleet.controlRegions())
                    .isPositive();
            JsonNode run = live.post(ChaosPaths.RUNS, kong);
            String runId = run.path("id").asString();
            long segmentsAtOutage = segments(fleet.results());

            await().atMost(MOVE_TIMEOUT).until(() -> !fleet.controlRegions().containsKey(REGION));
            String path = ChaosPaths.RUN.replace("{runId}", runId);
            assertThat(live.get(path).path("status").asString()).isEqualTo("RUNNING"); // moved during the outage
            await().atMost(RUN_END_TIMEOUT).until(() -> !live.get(path).path("status").asString().equals("RUNNING"));
            long segmentsAfterOutage = segments(fleet.results());

            JsonNode report = live.get(path);
            FleetSummary summary = fleet.awaitSummary();

            System.out.print(summary.toText());
            System.out.println("chaos run " + runId + ": " + report.path("status").asString() + " — "
                    + report.path("reason").asString());
            assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("PASSED");
            assertThat(report.path("blastRadius").path("liveSessions").asInt()).isGreaterThanOrEqualTo(VIEWERS);
            List<String> actions = report.path("actions").valueStream()
                    .map(a -> a.path("kind").asString() + " " + a.path("target").asString()).toList();
            assertThat(actions).anyMatch(a -> a.startsWith("GATEWAY_STOPPED") && a.contains(REGION))
                    .anyMatch(a -> a.startsWith("GATEWAY_STARTED") && a.contains(REGION));
            assertThat(segmentsAfterOutage).isGreaterThan(segmentsAtOutage); // the edges served during the outage
            assertThat(summary.started()).isEqualTo(VIEWERS);
            assertThat(summary.stalls()).isZero();
            assertThat(summary.errorsByReason()).isEmpty();
            assertThat(summary.regionFailovers()).isGreaterThanOrEqualTo((int) inRegion);
            assertThat(fleet.results()).allSatisfy(r -> assertThat(r.sessions()).isEqualTo(1));
        }
    }

    private static long segments(List<ViewerResult> results) {
        return results.stream().mapToLong(ViewerResult::segments).sum();
    }
}
