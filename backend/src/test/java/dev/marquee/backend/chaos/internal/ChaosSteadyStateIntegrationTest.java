package dev.marquee.backend.chaos.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.SteadyLoad;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.identity.Role;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The hypothesis must hold before the experiment: the preview shows the KPIs now against the limits, a start on a
 * broken steady state is refused (and changes nothing) unless overridden; the engine publishes its defaults and
 * bounds; Doctor Monkey, a repair action, has no hypothesis in the catalog nor in the engine.
 */
class ChaosSteadyStateIntegrationTest extends ChaosIntegrationSupport {
    /** Bound of the background load, whatever happens. */
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(60);
    /** A KPI window (10 s) must fill with errors (or drain of them), plus its lateness. */
    private static final Duration KPIS_WITHIN = Duration.ofSeconds(40);
    /** The region the errors are made in: no other chaos test holds it to the default limits. */
    private static final String REGION = "us-west-2";
    private static final Map<String, Object> CHAOS_MONKEY = map("type", "CHAOS_MONKEY",
            "scope", map("region", REGION, "service", "search"), "durationSeconds", 30, "count", 1);

    @Autowired
    ChaosSettings settings;

    @Test
    void publishesTheDefaultLimitsAndTheBoundsItEnforces() {
        JsonNode limits = http().get(ChaosPaths.SETTINGS, sre).json();
        assertThat(limits.path("defaults").path("maxErrorRate").asDouble()).isEqualTo(settings.maxErrorRate());
        assertThat(limits.path("defaults").path("maxP99LatencyMs").asDouble()).isEqualTo(settings.maxP99LatencyMs());
        assertThat(limits.path("defaults").path("maxSpsDropPercent").asDouble()).isEqualTo(settings.maxSpsDropPercent());
        assertThat(limits.path("defaults").path("maxRebufferRatio").asDouble()).isEqualTo(settings.maxRebufferRatio());
        long min = limits.path("minDurationSeconds").asLong();
        long max = limits.path("maxDurationSeconds").asLong();
        long maxLatency = limits.path("maxLatencyMs").asLong();
        assertThat(min).isEqualTo(settings.minDuration().toSeconds());
        // the published bounds are the enforced ones: on them accepted, one past them refused
        Map<String, Object> latency = map("type", "LATENCY_MONKEY", "scope", map("instanceId", "search-us-east-1a-1"),
                "thresholds", LOOSE);
        assertThat(preview(with(latency, "durationSeconds", min, "latencyMs", maxLatency)).status()).isEqualTo(200);
        assertThat(preview(with(latency, "durationSeconds", max, "latencyMs", 1)).status()).isEqualTo(200);
        assertThat(preview(with(latency, "durationSeconds", min - 1, "latencyMs", 1)).status()).isEqualTo(400);
        assertThat(preview(with(latency, "durationSeconds", max + 1, "latencyMs", 1)).status()).isEqualTo(400);
        assertThat(preview(with(latency, "durationSeconds", min, "latencyMs", maxLatency + 1)).status()).isEqualTo(400);
        assertThat(http().get(ChaosPaths.SETTINGS, tokenFor(Role.VIEWER)).status()).isEqualTo(403);
    }

    @Test
    void aRunOnABrokenSteadyStateIsRefusedUnlessOverriddenAndDoctorMonkeyHasNoHypothesis() throws Exception {
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, REGION));
        JsonNode healthy = preview(CHAOS_MONKEY).json();
        assertThat(healthy.path("limits").path("maxErrorRate").asDouble()).isEqualTo(settings.maxErrorRate());
        assertThat(healthy.path("current").path("phase").asString()).isEqualTo("NOW");
        // every catalog call in the region fails: its error rate goes far past the default 5 %
        JsonNode breaker = started(map("type", "LATENCY_MONKEY", "scope", map("region", REGION, "service", "catalog"),
                "durationSeconds", 120, "errorRate", 1.0, "thresholds", LOOSE));
        try (var load = SteadyLoad.start(Duration.ofMillis(20), LOAD_AT_MOST, () -> gateway.get(CatalogPaths.GENRES, viewer))) {
            await().atMost(KPIS_WITHIN).until(() -> preview(CHAOS_MONKEY).json().path("current").path("violations").size() > 0);
            JsonNode warned = preview(CHAOS_MONKEY).json();
            assertThat(warned.path("current").path("errorRate").asDouble()).isGreaterThan(settings.maxErrorRate());
            assertThat(warned.path("current").path("violations").toString()).contains("error rate");

            Map<String, String> before = systemState();
            int runsBefore = http().get(ChaosPaths.RUNS, sre).json().size();
            Reply refused = start(CHAOS_MONKEY);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().path("type").asString()).endsWith("chaos-steady-state-violated");
            assertThat(refused.json().path("detail").asString()).contains("error rate", "allowViolatedSteadyState");
            assertThat(systemState()).isEqualTo(before);
            assertThat(http().get(ChaosPaths.RUNS, sre).json().size()).isEqualTo(runsBefore);

            // Doctor Monkey repairs: the catalog lists no limits, the engine checks none, and refuses some
            JsonNode doctorEntry = catalogEntry("DOCTOR_MONKEY");
            assertThat(doctorEntry.path("parameters").toString()).doesNotContain("thresholds");
            Map<String, Object> doctor = map("type", "DOCTOR_MONKEY", "scope", map("region", REGION, "service", "search"),
                    "durationSeconds", 30);
            JsonNode doctorPreview = preview(doctor).json();
            assertThat(doctorPreview.path("limits").isNull()).isTrue();
            assertThat(doctorPreview.path("current").path("violations")).isEmpty();
            assertThat(start(with(doctor, "thresholds", map("maxErrorRate", 0.05))).status()).isEqualTo(400);
            JsonNode healing = started(doctor);
            String doctorId = healing.path("id").asString();
            assertThat(healing.path("thresholds").isNull()).isTrue();
            await().atMost(KPIS_WITHIN).until(() -> run(doctorId).path("samples").size() >= 2);
            assertThat(run(doctorId).path("status").asString()).as("errors do not stop a repair").isEqualTo("RUNNING");
            abort(doctorId);

            // the explicit override starts it; the limit broken at the start is not what ends it
            JsonNode overridden = started(with(CHAOS_MONKEY, "allowViolatedSteadyState", true));
            String id = overridden.path("id").asString();
            assertThat(overridden.path("actions").toString()).contains("STEADY_STATE_OVERRIDDEN", "maxErrorRate");
            await().atMost(KPIS_WITHIN).until(() -> run(id).path("samples").size() >= 2);
            assertThat(run(id).path("status").asString()).isEqualTo("RUNNING");
            abort(id);
        } finally {
            abort(breaker.path("id").asString());
        }
        // leave the region as found: its KPI window drains of the errors
        await().atMost(KPIS_WITHIN).until(() -> preview(CHAOS_MONKEY).json().path("current").path("violations").isEmpty());
    }

    private Reply preview(Map<String, Object> request) {
        return http().post(ChaosPaths.PREVIEW, sre, json(request));
    }

    private JsonNode catalogEntry(String type) {
        for (JsonNode entry : http().get(ChaosPaths.EXPERIMENTS, sre).json()) {
            if (entry.path("type").asString().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in the catalog");
    }

    private static Map<String, Object> with(Map<String, Object> request, Object... more) {
        Map<String, Object> copy = new TreeMap<>(request);
        for (int i = 0; i < more.length; i += 2) {
            copy.put((String) more[i], more[i + 1]);
        }
        return copy;
    }

    private Map<String, String> systemState() {
        Map<String, String> state = new TreeMap<>();
        instances.all().forEach(i -> state.put(i.id(), i.isRunning() + " " + i.faults()));
        return state;
    }
}
