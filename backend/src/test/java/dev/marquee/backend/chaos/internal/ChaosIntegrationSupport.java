package dev.marquee.backend.chaos.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.identity.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Chaos tests share the control plane's context (shortened registry and director timings). Each test leaves the
 * system as it found it: every run it starts is over, the kill switch released, every service instance running.
 */
abstract class ChaosIntegrationSupport extends ControlPlaneIntegrationSupport {
    protected static final Logger log = LoggerFactory.getLogger("chaos-timing");
    /** Limits no test load breaks: for runs that must not abort on their own. */
    protected static final Map<String, Object> LOOSE = map("maxSpsDropPercent", 100, "maxErrorRate", 1.0,
            "maxP99LatencyMs", 1.0e9, "maxRebufferRatio", 1.0);

    @Autowired
    protected LocalInstances instances;

    protected String sre;

    @BeforeEach
    void signInSre() {
        sre = tokenFor(Role.SRE);
    }

    @AfterEach
    void leaveNoRunBehind() {
        http().put(ChaosPaths.KILL_SWITCH, sre, json(map("engaged", false, "reason", "test cleanup")));
        for (JsonNode run : http().get(ChaosPaths.RUNS, sre).json()) {
            if (run.path("status").asString().equals("RUNNING")) {
                abort(run.path("id").asString());
            }
        }
        await().atMost(WITHIN).until(() -> instances.all().stream()
                .filter(i -> !i.id().contains(DoctorMonkey.REPLACEMENT_MARK)).allMatch(LocalInstance::isRunning));
    }

    protected Reply start(Map<String, Object> request) {
        return http().post(ChaosPaths.RUNS, sre, json(request));
    }

    protected JsonNode started(Map<String, Object> request) {
        Reply reply = start(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    protected JsonNode run(String id) {
        return http().get(ChaosPaths.RUNS + "/" + id, sre).json();
    }

    protected JsonNode abort(String id) {
        Reply reply = http().post(ChaosPaths.RUNS + "/" + id + "/abort", sre, json(map("reason", "test")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    protected LocalInstance instance(String id) {
        return instances.find(id).orElseThrow();
    }

    protected static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    protected static long millisSince(long startNs) {
        return (System.nanoTime() - startNs) / 1_000_000;
    }
}
