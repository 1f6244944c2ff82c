package dev.marquee.backend.gateway.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Netty gateway on the wire: bodies, their limit, its own health, time limits enforced on its event loop. */
class GatewayWireIntegrationTest extends ControlPlaneIntegrationSupport {
    /** Above the default {@code marquee.gateway.max-body-size} of 1 MiB. */
    private static final int TOO_LARGE_BYTES = 2 * 1024 * 1024;

    @Test
    void forwardsARequestBodyToTheInstance() {
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(tokenFor(Role.SRE), "us-east-1"));

        Reply created = gateway.post(ApiPaths.PROFILES, viewer, json(map("name", "Through the gateway", "kids", false)));

        assertThat(created.status()).isBetween(200, 201);
        assertThat(created.json().path("name").asString()).isEqualTo("Through the gateway");
        assertThat(created.headers().firstValue(ControlPaths.INSTANCE_HEADER)).isPresent();
    }

    @Test
    void refusesABodyOverTheLimitWithA413Problem() throws IOException {
        URI gateway = URI.create(gatewayUrl(tokenFor(Role.SRE), "us-east-1"));
        // Raw socket: the gateway answers from the headers alone and closes, before any body byte is sent.
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(("POST " + ApiPaths.PROFILES + " HTTP/1.1\r\nHost: " + gateway.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + TOO_LARGE_BYTES + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readAll(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer).contains("\"type\":\"urn:marquee:problem:body-too-large\"", "\"status\":413");
        }
    }

    @Test
    void answersItsOwnHealthWhichTheDirectorChecks() {
        TestHttp gateway = http(gatewayUrl(tokenFor(Role.SRE), "us-west-2"));

        Reply health = gateway.get(ApiPaths.HEALTH, null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("region").asString()).isEqualTo("us-west-2");
        assertThat(health.headers().firstValue(ControlPaths.INSTANCE_HEADER)).isEmpty();
    }

    @Test
    void answersAnUnknownPathWithAProblemAndRefusesDotSegments() {
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(tokenFor(Role.SRE), "us-west-2"));

        Reply unknown = gateway.get("/api/nothing-here", viewer);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        Reply escaping = gateway.get(ApiPaths.PROFILES + "/../../ops/registry", viewer);
        assertThat(escaping.status()).isIn(400, 404);
        assertThat(escaping.isProblem()).isTrue();
    }

    @Test
    void timesOutASlowInstanceCountsItAgainstItsBreakerAndRetriesElsewhere() {
        String sre = tokenFor(Role.SRE);
        String viewer = tokenFor(Role.VIEWER);
        TestHttp gateway = http(gatewayUrl(sre, "eu-west-1"));
        String slow = "identity-eu-west-1c-1";
        long failedBefore = breaker(sre, slow).path("failedCalls").asLong();
        try {
            // Slower than the 2 s time limit of a protected call.
            assertThat(http().put(ControlPaths.INSTANCES + "/" + slow + "/faults", sre,
                    json(map("errorRate", 0.0, "latencyMs", 3_000))).status()).isEqualTo(200);

            Reply reply = gateway.send(gateway.request(ApiPaths.PROFILES, viewer)
                    .header(ControlPaths.CLIENT_ZONE_HEADER, "eu-west-1c").GET());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().firstValue(ControlPaths.INSTANCE_HEADER)).isPresent().get().isNotEqualTo(slow);
            assertThat(reply.headers().firstValue("X-Marquee-Attempts")).hasValue("2");
            assertThat(breaker(sre, slow).path("failedCalls").asLong()).isGreaterThan(failedBefore);
        } finally {
            http().put(ControlPaths.INSTANCES + "/" + slow + "/faults", sre, json(map("errorRate", 0.0, "latencyMs", 0)));
        }
    }

    private JsonNode breaker(String sre, String instanceId) {
        for (JsonNode b : http().get(ControlPaths.BREAKERS, sre).json()) {
            if (b.path("name").asString().equals("instance:" + instanceId)) {
                return b;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
