package dev.marquee.backend.gateway.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The home aggregation's per-part fallback: a failing service's part answers from the zone cache, marked stale. */
class HomeAggregationIntegrationTest extends ControlPlaneIntegrationSupport {
    private static final List<String> IDENTITY = List.of("identity-us-west-2a-1", "identity-us-west-2b-1", "identity-us-west-2c-1");

    @Test
    void aPartWhoseServiceFailsAnswersWithItsLastGoodValueEvenWhenTheLocalCacheReplicaIsDown() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "us-west-2"));
        JsonNode fresh = gateway.send(gateway.request(ControlPaths.HOME, viewer).header(ControlPaths.CLIENT_ZONE_HEADER, "us-west-2b").GET())
                .json().path("parts").path("profiles");
        assertThat(fresh.path("status").asString()).isEqualTo("OK");

        try {
            IDENTITY.forEach(id -> http().put(ControlPaths.INSTANCES + "/" + id + "/faults", sre, json(map("errorRate", 1.0, "latencyMs", 0))));
            assertThat(http().put(ControlPaths.CACHE + "/zones/us-west-2a", sre, json(map("state", "FAILED"))).status()).isEqualTo(200);

            // A caller in zone a: its cache client has nothing in L1 and its zone's replica is down, so the part's
            // last good value comes from the replica of zone b or c, where the first call's write also went.
            JsonNode stale = gateway.send(gateway.request(ControlPaths.HOME, viewer).header(ControlPaths.CLIENT_ZONE_HEADER, "us-west-2a").GET())
                    .json().path("parts").path("profiles");
            assertThat(stale.path("status").asString()).isEqualTo("STALE");
            assertThat(stale.path("data")).isEqualTo(fresh.path("data"));
            assertThat(stale.path("reason").asString()).isNotEmpty();
        } finally {
            IDENTITY.forEach(id -> http().put(ControlPaths.INSTANCES + "/" + id + "/faults", sre, json(map("errorRate", 0.0, "latencyMs", 0))));
            http().put(ControlPaths.CACHE + "/zones/us-west-2a", sre, json(map("state", "UP")));
        }
        JsonNode caches = http().get(ControlPaths.CACHE, sre).json();
        JsonNode zoneA = null;
        for (JsonNode cache : caches.path("caches")) {
            if (cache.path("name").asString().equals("home-parts") && cache.path("zone").asString().equals("us-west-2a")) {
                zoneA = cache;
            }
        }
        assertThat(zoneA).isNotNull();
        assertThat(zoneA.path("remoteHits").asLong()).isPositive();
        assertThat(zoneA.path("replicaFailures").asLong()).isPositive();
        assertThat(caches.path("replicas").size()).isEqualTo(9);
    }

    @Test
    void refusesAnUnknownReplicaState() {
        var reply = http().put(ControlPaths.CACHE + "/zones/us-west-2a", tokenFor(Role.SRE), json(map("state", "MELTED")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }
}
