package dev.marquee.backend.chaos.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.SteadyLoad;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.chaos.ChaosRunEnded;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The engine's brakes: a failing hypothesis aborts, the kill switch stops and blocks, bad requests change nothing; and the doctor heals. */
class ChaosSafetyIntegrationTest extends ChaosIntegrationSupport {
    /** Bound of the background load, whatever happens. */
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(45);
    /** A KPI window (10 s) must close with the errors in it, plus the lateness and an evaluation. */
    private static final Duration ABORT_WITHIN = Duration.ofSeconds(40);

    @Autowired
    DiscoveryRegistry registry;

    @Test
    void aRunWhoseHypothesisFailsIsAbortedAndRevertedByItself() throws Exception {
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "us-east-1"));
        List<ChaosRunEnded> ended = record(ChaosRunEnded.class);
        AtomicInteger fivexx = new AtomicInteger();
        // 50 calls a second: half the per-account limit of this context, so the rate limiter stays out of it.
        try (var load = SteadyLoad.start(Duration.ofMillis(20), LOAD_AT_MOST, () -> {
            if (gateway.get(CatalogPaths.GENRES, viewer).status() >= 500) {
                fivexx.incrementAndGet();
            }
        })) {
            long t0 = System.nanoTime();
            JsonNode run = started(map("type", "LATENCY_MONKEY", "scope", map("region", "us-east-1", "service", "catalog"),
                    "durationSeconds", 120, "errorRate", 1.0,
                    "thresholds", map("maxErrorRate", 0.05, "maxP99LatencyMs", 1.0e9, "maxRebufferRatio", 1.0, "maxSpsDropPercent", 100)));
            String id = run.path("id").asString();
            assertThat(run.path("blastRadius").path("instances")).hasSize(3);
            JsonNode baseline = run.path("before").path("errorRate");
            assertThat(baseline.isNull() || baseline.asDouble() <= 0.05).as("the region was healthy before: " + baseline).isTrue();

            await().atMost(ABORT_WITHIN).until(() -> ended.stream().anyMatch(e -> e.runId().equals(id)));
            long abortedMs = millisSince(t0);
            JsonNode report = run(id);
            assertThat(report.path("status").asString()).isEqualTo("ABORTED");
            assertThat(report.path("reason").asString()).contains("hypothesis failed", "error rate");
            assertThat(report.path("actions").toString()).contains("HYPOTHESIS_FAILED", "FAULTS_CLEARED");
            assertThat(instances.all().stream().filter(i -> i.service().equals("catalog")))
                    .allMatch(i -> i.faults().equals(LocalInstance.Faults.NONE));
            assertThat(fivexx.get()).isPositive();
            log.info("Hypothesis abort: error injection start->automatic abort and revert {} ms", abortedMs);
        }
    }

    @Test
    void theKillSwitchAbortsEveryRunAndBlocksNewOnesUntilReleased() {
        JsonNode first = started(map("type", "LATENCY_MONKEY", "scope", map("instanceId", "search-eu-west-1a-1"),
                "durationSeconds", 60, "latencyMs", 200, "thresholds", LOOSE));
        JsonNode second = started(map("type", "CHAOS_MONKEY", "scope", map("zone", "eu-west-1b"),
                "durationSeconds", 60, "count", 1, "thresholds", LOOSE));
        assertThat(instance("search-eu-west-1a-1").faults().any()).isTrue();

        long t0 = System.nanoTime();
        Reply engaged = http().put(ChaosPaths.KILL_SWITCH, sre, json(map("engaged", true, "reason", "game day over")));
        long revertMs = millisSince(t0);
        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.json().path("engaged").asBoolean()).isTrue();
        for (JsonNode run : List.of(first, second)) {
            JsonNode report = run(run.path("id").asString());
            assertThat(report.path("status").asString()).isEqualTo("ABORTED");
            assertThat(report.path("reason").asString()).contains("kill switch");
        }
        assertThat(instance("search-eu-west-1a-1").faults()).isEqualTo(LocalInstance.Faults.NONE);
        assertThat(instances.all().stream().filter(i -> i.zone().equals("eu-west-1b"))).allMatch(LocalInstance::isRunning);

        int runsBefore = http().get(ChaosPaths.RUNS, sre).json().size();
        Reply refused = start(map("type", "CHAOS_MONKEY", "scope", map("zone", "eu-west-1b"), "durationSeconds", 60, "count", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("detail").asString()).contains("game day over");
        assertThat(http().get(ChaosPaths.RUNS, sre).json().size()).isEqualTo(runsBefore);
        assertThat(instances.all().stream().filter(i -> i.zone().equals("eu-west-1b"))).allMatch(LocalInstance::isRunning);

        http().put(ChaosPaths.KILL_SWITCH, sre, json(map("engaged", false, "reason", "next game day")));
        JsonNode again = started(map("type", "LATENCY_MONKEY", "scope", map("instanceId", "search-eu-west-1a-1"),
                "durationSeconds", 60, "latencyMs", 200, "thresholds", LOOSE));
        abort(again.path("id").asString());
        log.info("Kill switch: engage->two runs aborted and reverted {} ms", revertMs);
    }

    @Test
    void doctorMonkeyReplacesATerminatedInstanceWithANewOneInTheSameZone() {
        String sick = "playback-us-west-2c-1";
        assertThat(http().post(ControlPaths.INSTANCES + "/" + sick + "/terminate", sre, "").status()).isEqualTo(200);
        String replacement = null;
        try {
            long t0 = System.nanoTime();
            JsonNode run = started(map("type", "DOCTOR_MONKEY", "scope", map("region", "us-west-2", "service", "playback"),
                    "durationSeconds", 10));
            long healedMs = millisSince(t0);
            JsonNode replaced = null;
            for (JsonNode action : run.path("actions")) {
                if (action.path("kind").asString().equals("INSTANCE_REPLACED")) {
                    replaced = action;
                }
            }
            assertThat(replaced).isNotNull();
            assertThat(replaced.path("target").asString()).isEqualTo(sick);
            replacement = sick + DoctorMonkey.REPLACEMENT_MARK + "1";
            LocalInstance fresh = instance(replacement);
            assertThat(fresh.isRunning()).isTrue();
            assertThat(fresh.zone()).isEqualTo("us-west-2c");
            assertThat(fresh.service()).isEqualTo("playback");
            assertThat(accepts(fresh.port().orElseThrow())).isTrue();
            String id = replacement;
            await().atMost(WITHIN).until(() -> registry.find(id).map(i -> i.status() == InstanceStatus.UP).orElse(false));
            abort(run.path("id").asString());
            assertThat(instance(replacement).isRunning()).as("a repair is not reverted").isTrue();
            log.info("Doctor Monkey: start->replacement launched {} ms", healedMs);
        } finally {
            if (replacement != null) {
                instance(replacement).terminate("test cleanup");
            }
            instance(sick).start();
        }
    }

    @Test
    void badRequestsAreRefusedWithAProblemAndChangeNothing() {
        String viewer = tokenFor(Role.VIEWER);
        Map<String, String> before = systemState();
        int runsBefore = http().get(ChaosPaths.RUNS, sre).json().size();
        List<Map<String, Object>> refusedWith400 = List.of(
                map("type", "CHAOS_MONKEY", "scope", map("region", "us-east-1"), "durationSeconds", 60, "count", 0),
                map("type", "CHAOS_MONKEY", "scope", map("region", "us-east-1"), "durationSeconds", 60, "count", 1000),
                map("type", "CHAOS_MONKEY", "scope", map("region", "us-east-1"), "durationSeconds", 1, "count", 1),
                map("type", "CHAOS_MONKEY", "scope", map("region", "us-east-1"), "durationSeconds", 86_400, "count", 1),
                map("type", "LATENCY_MONKEY", "scope", map("instanceId", "search-us-east-1a-1"), "durationSeconds", 60,
                        "latencyMs", 31_000),
                map("type", "LATENCY_MONKEY", "scope", map("instanceId", "search-us-east-1a-1"), "durationSeconds", 60,
                        "errorRate", 1.5),
                map("type", "LATENCY_MONKEY", "scope", map("instanceId", "search-us-east-1a-1"), "durationSeconds", 60,
                        "latencyMs", 100, "thresholds", map("maxErrorRate", 2.0)),
                map("type", "CHAOS_MONKEY", "scope", map("service", "search"), "durationSeconds", 60, "count", 9),
                map("type", "LATENCY_MONKEY", "scope", map("service", "catalog"), "durationSeconds", 60, "latencyMs", 100),
                map("type", "CHAOS_GORILLA", "durationSeconds", 60));
        for (Map<String, Object> request : refusedWith400) {
            for (String path : List.of(ChaosPaths.RUNS, ChaosPaths.PREVIEW)) {
                Reply reply = http().post(path, sre, json(request));
                assertThat(reply.status()).as(request + " -> " + reply.body()).isEqualTo(400);
                assertThat(reply.isProblem()).isTrue();
                assertThat(reply.json().path("detail").asString()).isNotBlank();
            }
        }
        List<Map<String, Object>> unknownTargets = List.of(
                map("type", "CHAOS_KONG", "scope", map("region", "mars-1"), "durationSeconds", 60),
                map("type", "CHAOS_GORILLA", "scope", map("zone", "mars-1a"), "durationSeconds", 60),
                map("type", "LATENCY_MONKEY", "scope", map("instanceId", "nope-1"), "durationSeconds", 60, "latencyMs", 100),
                map("type", "LATENCY_MONKEY", "scope", map("edgeNodeId", "nope-edge"), "durationSeconds", 60, "latencyMs", 100),
                map("type", "CHAOS_MONKEY", "scope", map("region", "us-east-1", "service", "billing"), "durationSeconds", 60, "count", 1));
        for (Map<String, Object> request : unknownTargets) {
            Reply reply = start(request);
            assertThat(reply.status()).as(request + " -> " + reply.body()).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
        }
        Reply asViewer = http().post(ChaosPaths.RUNS, viewer, json(map("type", "CHAOS_MONKEY",
                "scope", map("region", "us-east-1"), "durationSeconds", 60, "count", 1)));
        assertThat(asViewer.status()).isEqualTo(403);
        assertThat(asViewer.isProblem()).isTrue();
        Reply allRegionsAllowed = http().post(ChaosPaths.PREVIEW, sre, json(map("type", "CHAOS_MONKEY",
                "scope", map("service", "search"), "durationSeconds", 60, "count", 1, "allowAllRegions", true)));
        assertThat(allRegionsAllowed.status()).as(allRegionsAllowed.body()).isEqualTo(200);
        assertThat(allRegionsAllowed.json().path("regions")).hasSize(3);

        assertThat(systemState()).isEqualTo(before);
        assertThat(http().get(ChaosPaths.RUNS, sre).json().size()).isEqualTo(runsBefore);
    }

    /** Every local instance's running state and faults: what a refused request must not change. */
    private Map<String, String> systemState() {
        Map<String, String> state = new java.util.TreeMap<>();
        instances.all().forEach(i -> state.put(i.id(), i.isRunning() + " " + i.faults()));
        return state;
    }
}
