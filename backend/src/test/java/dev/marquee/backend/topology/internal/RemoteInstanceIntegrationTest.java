package dev.marquee.backend.topology.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.topology.InstanceEvicted;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An instance is a URL in the registry: a server outside the backend joins over HTTP, serves traffic, and is evicted. */
class RemoteInstanceIntegrationTest extends ControlPlaneIntegrationSupport {

    @Test
    void aRemoteInstanceRegisteredOverHttpServesTheGatewayUntilItStopsRenewing() throws Exception {
        String sre = tokenFor(Role.SRE);
        HttpServer remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = "{\"hits\":[]}".getBytes(StandardCharsets.UTF_8);
        remote.createContext("/api/search", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        remote.start();
        List<InstanceEvicted> evicted = record(InstanceEvicted.class);
        try {
            String url = "http://127.0.0.1:" + remote.getAddress().getPort();
            var registered = http().post(ControlPaths.REGISTRY_INSTANCES, sre,
                    json(map("id", "search-remote-1", "service", "search", "region", "us-west-2", "zone", "us-west-2z", "url", url)));
            assertThat(registered.status()).isEqualTo(201);
            assertThat(registered.json().path("status").asString()).isEqualTo("UP");
            assertThat(registered.json().path("local").asBoolean()).isFalse();

            TestHttp gateway = http(gatewayUrl(sre, "us-west-2"));
            var reply = gateway.send(gateway.request("/api/search/titles?q=x", tokenFor(Role.VIEWER))
                    .header(ControlPaths.CLIENT_ZONE_HEADER, "us-west-2z").GET());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"hits\":[]}");
            assertThat(reply.headers().firstValue(ControlPaths.INSTANCE_HEADER)).hasValue("search-remote-1");

            assertThat(http().put(ControlPaths.REGISTRY_INSTANCES + "/search-remote-1/heartbeat", sre, "").status()).isEqualTo(204);
            await().atMost(WITHIN).until(() -> evicted.stream().anyMatch(e -> e.instanceId().equals("search-remote-1")));
            assertThat(http().put(ControlPaths.REGISTRY_INSTANCES + "/search-remote-1/heartbeat", sre, "").status()).isEqualTo(404);
        } finally {
            remote.stop(0);
        }
    }

    @Test
    void refusesARegistrationWithoutAnHttpUrl() {
        var reply = http().post(ControlPaths.REGISTRY_INSTANCES, tokenFor(Role.SRE),
                json(map("id", "x", "service", "search", "region", "us-west-2", "zone", "us-west-2a", "url", "file:///etc/passwd")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }
}
