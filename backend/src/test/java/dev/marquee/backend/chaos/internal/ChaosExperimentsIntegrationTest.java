package dev.marquee.backend.chaos.internal;

import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.cache.CacheZones;
import dev.marquee.backend.edge.EdgeFaults;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Each experiment changes the real system as it says (closed ports, a failed zone, a skipped region, slower wires) and reverts. */
class ChaosExperimentsIntegrationTest extends ChaosIntegrationSupport {
    /** Injected latency: far above a loopback call's own time on a busy 2-core machine. */
    private static final long INJECTED_MS = 400;
    /** Below the injected latency by a margin for timer slack; a measured call under it did not get the fault. */
    private static final long WITHOUT_FAULT_BELOW_MS = 300;

    @Autowired
    CacheZones caches;
    @Autowired
    EdgeManagement edges;

    @Test
    void chaosMonkeyTerminatesInstancesThatRefuseConnectionsAndStartsThemAgainAtTheEnd() {
        long t0 = System.nanoTime();
        JsonNode run = started(map("type", "CHAOS_MONKEY", "scope", map("region", "us-west-2", "service", "search"),
                "durationSeconds", 10, "count", 2, "thresholds", LOOSE));
        long injectedMs = millisSince(t0);
        List<String> victims = new ArrayList<>();
        List<Integer> oldPorts = new ArrayList<>();
        for (JsonNode action : run.path("actions")) {
            if (action.path("kind").asString().equals("INSTANCE_TERMINATED")) {
                victims.add(action.path("target").asString());
                oldPorts.add(Integer.parseInt(action.path("detail").asString().replaceAll("\\D", "")));
            }
        }
        assertThat(victims).hasSize(2).allMatch(v -> v.startsWith("search-us-west-2"));
        assertThat(oldPorts).noneMatch(ChaosIntegrationSupport::accepts);
        assertThat(victims).noneMatch(v -> instance(v).isRunning());
        assertThat(run.path("blastRadius").path("regions").toString()).isEqualTo("[\"us-west-2\"]");

        await().atMost(Duration.ofSeconds(30)).until(() -> run(run.path("id").asString()).path("status").asString().equals("PASSED"));
        long endedMs = millisSince(t0);
        for (String victim : victims) {
            LocalInstance back = instance(victim);
            assertThat(back.isRunning()).isTrue();
            assertThat(accepts(back.port().orElseThrow())).isTrue();
        }
        JsonNode report = run(run.path("id").asString());
        assertThat(report.path("before").isObject()).isTrue();
        assertThat(report.path("after").isObject()).isTrue();
        assertThat(report.path("actions").toString()).contains("INSTANCE_STARTED", "ENDED");
        log.info("Chaos Monkey: start->terminated {} ms, 10 s run passed and reverted at {} ms", injectedMs, endedMs);
    }

    @Test
    void chaosGorillaTakesTheWholeZoneDownWithItsCacheReplicaAndBringsItBack() {
        String zone = "us-west-2b";
        long t0 = System.nanoTime();
        JsonNode run = started(map("type", "CHAOS_GORILLA", "scope", map("zone", zone), "durationSeconds", 60,
                "thresholds", LOOSE));
        long injectedMs = millisSince(t0);
        List<LocalInstance> zoneInstances = instances.all().stream()
                .filter(i -> i.zone().equals(zone) && !i.service().equals("gateway")).toList();
        assertThat(zoneInstances).hasSize(4).noneMatch(LocalInstance::isRunning);
        assertThat(caches.replicaState(zone)).contains("FAILED");
        assertThat(instances.all().stream().filter(i -> i.zone().equals("us-west-2a"))).allMatch(LocalInstance::isRunning);

        long a0 = System.nanoTime();
        JsonNode aborted = abort(run.path("id").asString());
        long revertMs = millisSince(a0);
        assertThat(aborted.path("status").asString()).isEqualTo("ABORTED");
        assertThat(zoneInstances).allMatch(i -> i.isRunning() && accepts(i.port().orElseThrow()));
        assertThat(caches.replicaState(zone)).contains("UP");
        log.info("Chaos Gorilla: start->zone down {} ms, abort->reverted {} ms", injectedMs, revertMs);
    }

    @Test
    void chaosKongStopsTheRegionSoTheDirectorSkipsItUntilTheRevert() {
        String region = "eu-west-1";
        await().atMost(WITHIN).until(() -> firstRegion(region).equals(region));
        long t0 = System.nanoTime();
        JsonNode run = started(map("type", "CHAOS_KONG", "scope", map("region", region), "durationSeconds", 60,
                "thresholds", LOOSE));
        assertThat(run.path("actions").toString()).contains("GATEWAY_STOPPED");
        await().atMost(WITHIN).until(() -> !firstRegion(region).equals(region));
        long failoverMs = millisSince(t0);
        JsonNode answer = http().get(ControlPaths.DIRECTOR_REGIONS + "?clientRegion=" + region, null).json();
        assertThat(answer.path("skipped").toString()).contains(region);
        assertThat(instances.all().stream().filter(i -> i.region().equals(region))).noneMatch(LocalInstance::isRunning);

        long a0 = System.nanoTime();
        abort(run.path("id").asString());
        await().atMost(WITHIN).until(() -> firstRegion(region).equals(region));
        long backMs = millisSince(a0);
        assertThat(instances.all().stream().filter(i -> i.region().equals(region))).allMatch(LocalInstance::isRunning);
        log.info("Chaos Kong: start->director skips region {} ms, abort->director answers it again {} ms", failoverMs, backMs);
    }

    @Test
    void latencyMonkeyOnAnInstanceSlowsDirectCallsByTheInjectedAmountThenNot() throws Exception {
        String viewer = tokenFor(Role.VIEWER);
        LocalInstance target = instance("catalog-us-west-2a-1");
        URI url = URI.create(target.url().orElseThrow() + CatalogPaths.GENRES);
        long baseline = fastestOf(3, url, viewer);
        assertThat(baseline).isLessThan(WITHOUT_FAULT_BELOW_MS);

        JsonNode run = started(map("type", "LATENCY_MONKEY", "scope", map("instanceId", target.id()),
                "durationSeconds", 60, "latencyMs", INJECTED_MS, "thresholds", LOOSE));
        long during = fastestOf(3, url, viewer);
        assertThat(during).isGreaterThanOrEqualTo(baseline + INJECTED_MS - 5);
        assertThat(target.faults().latency()).isEqualTo(Duration.ofMillis(INJECTED_MS));

        abort(run.path("id").asString());
        long after = fastestOf(3, url, viewer);
        assertThat(after).isLessThan(WITHOUT_FAULT_BELOW_MS);
        assertThat(target.faults()).isEqualTo(LocalInstance.Faults.NONE);
        log.info("Latency Monkey (instance): direct call {} ms before, {} ms during (+{} injected), {} ms after",
                baseline, during, INJECTED_MS, after);
    }

    @Test
    void latencyMonkeyOnAnEdgeNodeDelaysItsAnswersOnTheWireThenNot() throws Exception {
        EdgeNodeView node = edges.nodes().stream().filter(n -> n.tier() == EdgeTier.IXP).findFirst().orElseThrow();
        URI health = node.baseUrl().resolve("/health");
        long baseline = fastestOf(3, health, null);
        assertThat(baseline).isLessThan(WITHOUT_FAULT_BELOW_MS);

        JsonNode run = started(map("type", "LATENCY_MONKEY", "scope", map("edgeNodeId", node.id()),
                "durationSeconds", 60, "latencyMs", INJECTED_MS, "thresholds", LOOSE));
        assertThat(run.path("blastRadius").path("edgeNodes").toString()).contains(node.id());
        long during = fastestOf(3, health, null);
        assertThat(during).isGreaterThanOrEqualTo(INJECTED_MS - 5);

        abort(run.path("id").asString());
        long after = fastestOf(3, health, null);
        assertThat(after).isLessThan(WITHOUT_FAULT_BELOW_MS);
        assertThat(edges.faults(node.id())).isEqualTo(EdgeFaults.NONE);
        log.info("Latency Monkey (edge {}): GET /health {} ms before, {} ms during, {} ms after", node.id(), baseline, during, after);
    }

    /** The fastest of a few calls: the least disturbed by a busy machine, so the fault's floor shows. */
    private static long fastestOf(int calls, URI url, String token) throws Exception {
        long best = Long.MAX_VALUE;
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < calls; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                long t0 = System.nanoTime();
                HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                long ms = millisSince(t0);
                assertThat(response.statusCode()).isLessThan(500);
                best = Math.min(best, ms);
            }
        }
        return best;
    }

    private String firstRegion(String clientRegion) {
        JsonNode regions = http().get(ControlPaths.DIRECTOR_REGIONS + "?clientRegion=" + clientRegion, null).json().path("regions");
        return regions.isEmpty() ? "" : regions.get(0).path("region").asString();
    }

}
