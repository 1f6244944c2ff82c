package dev.marquee.backend.gateway.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.topology.ControlPaths;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A region's gateway over real loopback sockets: routing, its own filters, breakers and fallbacks, aggregation. */
class GatewayIntegrationTest extends ControlPlaneIntegrationSupport {

    @Test
    void routesToAnInstanceOfTheOwningServiceInTheCallersZone() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "us-west-2"));

        Reply reply = gateway.send(gateway.request(ApiPaths.PROFILES, viewer)
                .header(ControlPaths.CLIENT_ZONE_HEADER, "us-west-2b").header(ControlPaths.REQUEST_ID_HEADER, "trace-42").GET());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue(ControlPaths.INSTANCE_HEADER)).hasValue("identity-us-west-2b-1");
        assertThat(reply.headers().firstValue(ControlPaths.REQUEST_ID_HEADER)).hasValue("trace-42");
        assertThat(reply.headers().firstValue("Server-Timing").orElseThrow()).contains("inbound;dur=", "upstream;dur=", "total;dur=");
    }

    @Test
    void countsTheCallsItForwardsInItsOwnRegionsKpisWhateverTheClientClaims() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "eu-west-1"));
        String kpis = MetricsPaths.KPIS + "?region=eu-west-1&window=60s";
        long before = http().get(kpis, sre).json().path("apiRequests").asLong();

        for (int i = 0; i < 3; i++) {
            // A client cannot move its calls into another region's figures: the gateway sets the header itself.
            assertThat(gateway.send(gateway.request(ApiPaths.PROFILES, viewer)
                    .header(ControlPaths.SERVED_REGION_HEADER, "us-east-1").GET()).status()).isEqualTo(200);
        }

        await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> http().get(kpis, sre).json().path("apiRequests").asLong() >= before + 3);
    }

    @Test
    void refusesAMissingTokenAtTheGatewayButLetsPublicPathsThrough() {
        String sre = tokenFor(Role.SRE);
        TestHttp gateway = http(gatewayUrl(sre, "us-west-2"));

        Reply anonymous = gateway.get(ApiPaths.PROFILES, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        // Sign-in is public: it reaches an identity instance, which answers for itself.
        Reply badSignIn = gateway.post(ApiPaths.SIGN_IN, null, json(map("email", "nobody@marquee.test", "password", "wrong")));
        assertThat(badSignIn.status()).isEqualTo(401);
        assertThat(badSignIn.headers().firstValue(ControlPaths.INSTANCE_HEADER)).isPresent();
    }

    @Test
    void answers429WithRetryAfterWhenAnAccountExceedsItsRate() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "us-west-2"));

        var limited = new java.util.concurrent.atomic.AtomicReference<Reply>();
        // Per-second bucket of 100 in this context: a bounded burst from a few threads at once, well beyond it.
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 4; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 500 && limited.get() == null; i++) {
                        Reply reply = gateway.get(ControlPaths.HOME + "-unknown", viewer);
                        if (reply.status() == 429) {
                            limited.compareAndSet(null, reply);
                        }
                    }
                });
            }
        }

        assertThat(limited.get()).as("a 429 within the burst").isNotNull();
        assertThat(limited.get().isProblem()).isTrue();
        assertThat(Long.parseLong(limited.get().headers().firstValue("Retry-After").orElseThrow())).isPositive();
        // Another account is not affected.
        assertThat(gateway.get(ApiPaths.PROFILES, tokenFor(Role.VIEWER)).status()).isEqualTo(200);
    }

    @Test
    void opensTheBreakersOfFailingInstancesAnswersWithTheFallbackAndClosesAfterRecovery() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "eu-west-1"));
        List<String> identity = List.of("identity-eu-west-1a-1", "identity-eu-west-1b-1", "identity-eu-west-1c-1");
        try {
            identity.forEach(id -> assertThat(http().put(ControlPaths.INSTANCES + "/" + id + "/faults", sre,
                    json(map("errorRate", 1.0, "latencyMs", 0))).status()).isEqualTo(200));

            List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
            await().atMost(WITHIN).until(() -> {
                statuses.add(gateway.get(ApiPaths.PROFILES, viewer).status());
                return identity.stream().allMatch(id -> "OPEN".equals(breaker(sre, id).path("state").asString()));
            });
            // Every instance failed every call: each answer was the fallback, never the instances' 500.
            assertThat(statuses).isNotEmpty().containsOnly(503);
            Reply shortCircuited = gateway.get(ApiPaths.PROFILES, viewer);
            assertThat(shortCircuited.status()).isEqualTo(503);
            assertThat(shortCircuited.json().path("type").asString()).isEqualTo("urn:marquee:problem:service-unavailable");
            assertThat(shortCircuited.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(breaker(sre, identity.getFirst()).path("failureRatePercent").asDouble()).isGreaterThanOrEqualTo(50);
        } finally {
            identity.forEach(id -> http().put(ControlPaths.INSTANCES + "/" + id + "/faults", sre,
                    json(map("errorRate", 0.0, "latencyMs", 0))));
        }

        await().atMost(WITHIN).until(() -> gateway.get(ApiPaths.PROFILES, viewer).status() == 200
                && identity.stream().allMatch(id -> !"OPEN".equals(breaker(sre, id).path("state").asString())));
        JsonNode recovered = breaker(sre, identity.getFirst());
        assertThat(recovered.path("lastTransitions").toString()).contains("\"to\":\"OPEN\"");
    }

    @Test
    void homeAggregatesWhatExistsAndDegradesEachMissingPartOnItsOwn() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "us-west-2"));

        Reply home = gateway.get(ControlPaths.HOME, viewer);

        assertThat(home.status()).isEqualTo(200);
        JsonNode parts = home.json().path("parts");
        assertThat(parts.path("profiles").path("status").asString()).isEqualTo("OK");
        assertThat(parts.path("profiles").path("data").isArray()).isTrue();
        // Catalog and playback serve neither path yet: those parts are degraded, the screen still answers.
        assertThat(parts.path("rows").path("status").asString()).isIn("DEGRADED", "OK");
        assertThat(parts.path("continueWatching").path("status").asString()).isIn("DEGRADED", "OK");
        assertThat(parts.path("continueWatching").has("reason") || parts.path("continueWatching").has("data")).isTrue();
    }

    private JsonNode breaker(String sre, String instanceId) {
        for (JsonNode b : http().get(ControlPaths.BREAKERS, sre).json()) {
            if (b.path("name").asString().equals("instance:" + instanceId)) {
                return b;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
