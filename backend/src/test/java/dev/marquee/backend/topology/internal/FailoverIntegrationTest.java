package dev.marquee.backend.topology.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.backend.SteadyLoad;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.topology.InstanceEvicted;
import dev.marquee.backend.topology.RegionEvacuated;
import dev.marquee.backend.topology.RegionRestored;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Instances, the registry and the director under real failures: closed listeners, stopped gateways, evacuations. */
class FailoverIntegrationTest extends ControlPlaneIntegrationSupport {
    /** Bound of the steady load loop, whatever happens. */
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(20);
    /** 50 calls a second: steady, and half the per-account limit this context sets (100/s). */
    private static final Duration LOAD_PERIOD = Duration.ofMillis(20);

    @Test
    void terminatingAnInstanceUnderSteadyLoadLosesNoRequestAndTheRegistryEvictsIt() throws Exception {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "us-east-1"));
        String victim = "identity-us-east-1a-1";
        String victimUrl = instance(sre, victim).path("url").asString();
        List<InstanceEvicted> evicted = record(InstanceEvicted.class);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<String> servedBy = new CopyOnWriteArrayList<>();
        try (var load = SteadyLoad.start(LOAD_PERIOD, LOAD_AT_MOST, () -> {
            // The caller's zone is the victim's: without the failure every call would go to it.
            Reply reply = gateway.send(gateway.request(ApiPaths.PROFILES, viewer)
                    .header(ControlPaths.CLIENT_ZONE_HEADER, "us-east-1a").GET());
            statuses.add(reply.status());
            servedBy.add(reply.headers().firstValue(ControlPaths.INSTANCE_HEADER).orElse("?"));
        })) {
            await().atMost(WITHIN).until(() -> servedBy.contains(victim));
            assertThat(http().post(ControlPaths.INSTANCES + "/" + victim + "/terminate", sre, "").status()).isEqualTo(200);
            int atTermination = statuses.size();

            await().atMost(WITHIN).until(() -> evicted.stream().anyMatch(e -> e.instanceId().equals(victim)));
            assertThat(instance(sre, victim).isMissingNode()).isTrue();
            await().atMost(WITHIN).until(() -> statuses.size() > atTermination + 20);
        }
        assertThat(statuses).as("every call answered 200 via the surviving instances").containsOnly(200);
        assertThat(servedBy.subList(servedBy.size() - 10, servedBy.size())).doesNotContain(victim);
        assertThat(refusesConnections(victimUrl)).isTrue();

        assertThat(http().post(ControlPaths.INSTANCES + "/" + victim + "/start", sre, "").status()).isEqualTo(200);
        assertThat(instance(sre, victim).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theDirectorSkipsARegionWhoseGatewayStopsAndAClientFollowingItKeepsWorking() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        await().atMost(WITHIN).until(() -> firstRegion("us-east-1").equals("us-east-1"));
        try {
            assertThat(http().post(ControlPaths.REGIONS + "/us-east-1/gateway/stop", sre, "").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> !firstRegion("us-east-1").equals("us-east-1"));
            JsonNode answer = http().get(ControlPaths.DIRECTOR_REGIONS + "?clientRegion=us-east-1", null).json();
            assertThat(answer.path("skipped").toString()).contains("us-east-1");
            String next = answer.path("regions").get(0).path("gatewayUrl").asString();
            assertThat(http(next).get(ApiPaths.PROFILES, viewer).status()).isEqualTo(200);
        } finally {
            http().post(ControlPaths.REGIONS + "/us-east-1/gateway/start", sre, "");
        }
        await().atMost(WITHIN).until(() -> firstRegion("us-east-1").equals("us-east-1"));
    }

    @Test
    void evacuationDrainsARegionWithWhoAndWhyUntilItIsRestored() {
        String sre = tokenFor(Role.SRE);
        await().atMost(WITHIN).until(() -> firstRegion("eu-west-1").equals("eu-west-1"));
        List<RegionEvacuated> evacuations = record(RegionEvacuated.class);
        List<RegionRestored> restorations = record(RegionRestored.class);

        Reply evacuated = http().post(ControlPaths.REGIONS + "/eu-west-1/evacuate", sre, json(map("reason", "failover drill")));
        assertThat(evacuated.status()).isEqualTo(200);
        assertThat(evacuated.json().path("evacuated").asBoolean()).isTrue();
        assertThat(firstRegion("eu-west-1")).isNotEqualTo("eu-west-1");
        assertThat(http().get(ControlPaths.DIRECTOR_REGIONS + "?clientRegion=eu-west-1", null).json().path("skipped").toString())
                .contains("failover drill");
        assertThat(evacuations)
                .anyMatch(e -> e.region().equals("eu-west-1") && e.reason().equals("failover drill") && e.by().contains("@"));

        assertThat(http().post(ControlPaths.REGIONS + "/eu-west-1/restore", sre, json(map("reason", "drill over"))).status()).isEqualTo(200);
        assertThat(firstRegion("eu-west-1")).isEqualTo("eu-west-1");
        assertThat(restorations).anyMatch(e -> e.region().equals("eu-west-1"));
    }

    @Test
    void refusesAnEvacuationWithoutAReason() {
        Reply reply = http().post(ControlPaths.REGIONS + "/eu-west-1/evacuate", tokenFor(Role.SRE), json(map("reason", "")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void aViewerTokenCannotReachTheOpsEndpoints() {
        String viewer = tokenFor(Role.VIEWER);
        assertThat(http().get(ControlPaths.REGISTRY, viewer).status()).isEqualTo(403);
        assertThat(http().post(ControlPaths.REGIONS + "/us-west-2/evacuate", viewer, json(map("reason", "x"))).status()).isEqualTo(403);
        assertThat(http().post(ControlPaths.INSTANCES + "/identity-us-west-2a-1/terminate", viewer, "").status()).isEqualTo(403);
        assertThat(http().get(ControlPaths.BREAKERS, viewer).status()).isEqualTo(403);
    }

    @Test
    void theRegistryShowsLeasesAndExplainsSelfPreservation() {
        JsonNode registry = http().get(ControlPaths.REGISTRY, tokenFor(Role.SRE)).json();
        assertThat(registry.path("instances").size()).isGreaterThanOrEqualTo(36 + 3);
        assertThat(registry.path("selfPreservation").asString()).contains("renew");
        JsonNode first = registry.path("instances").get(0);
        assertThat(first.path("zone").asString()).isNotEmpty();
        assertThat(first.has("leaseAgeSeconds")).isTrue();
    }

    private String firstRegion(String clientRegion) {
        JsonNode regions = http().get(ControlPaths.DIRECTOR_REGIONS + "?clientRegion=" + clientRegion, null).json().path("regions");
        return regions.isEmpty() ? "" : regions.get(0).path("region").asString();
    }

    private JsonNode instance(String sre, String id) {
        for (JsonNode i : http().get(ControlPaths.REGISTRY, sre).json().path("instances")) {
            if (i.path("id").asString().equals(id)) {
                return i;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean refusesConnections(String url) throws InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(HttpRequest.newBuilder(URI.create(url + ApiPaths.HEALTH)).build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (java.io.IOException other) {
            return other.getCause() instanceof ConnectException;
        }
    }
}
