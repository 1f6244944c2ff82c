package dev.marquee.player.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.player.engine.Backoff;
import dev.marquee.player.engine.ContentSteeringManager;
import dev.marquee.player.engine.EventReporter;
import dev.marquee.player.engine.LicenseClient;
import dev.marquee.player.engine.NetworkListener;
import dev.marquee.player.engine.NetworkingEngine;
import dev.marquee.player.engine.PlaybackStats;
import dev.marquee.player.engine.RequestType;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's own control-plane calls (licence, steering, heartbeats) follow the {@link ControlPlane} to region B. */
class EngineFailoverIntegrationTest {
    private final OkHttpClient http = new OkHttpClient();
    private FakeRegions regions;
    private BackendClient account;
    private ControlPlane controlPlane;
    private NetworkingEngine network;

    @BeforeEach
    void start() throws IOException {
        regions = new FakeRegions();
        account = new BackendClient(regions.directorUrl(), InstantSource.system());
        account.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        controlPlane = new ControlPlane(http, regions.directorUrl(), FakeRegions.A, InstantSource.system());
        var steering = new ContentSteeringManager(new ContentSteeringManager.Steering(
                List.of("http://127.0.0.1:1"), Duration.ofMinutes(5)), () -> {
                    throw new IllegalStateException("not asked here");
                }, InstantSource.system());
        network = new NetworkingEngine(http, steering, Backoff.defaults(), delay -> { }, new NetworkListener() { },
                NetworkingEngine.LinkShaper.NONE, NetworkingEngine.DEFAULT_STALL_TIMEOUT, NetworkingEngine.DEFAULT_MAX_ROUNDS);
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    @Test
    void licenceAndSteeringCallsGoToTheNextRegionWhenTheGatewayDies() throws Exception {
        LicenseClient licences = new LicenseClient(network, controlPlane, account::current);
        assertThat(licences.serverKey().publicKey()).isEqualTo("key-of-" + FakeRegions.A);

        regions.gatewayA.die();

        assertThat(licences.serverKey().publicKey()).isEqualTo("key-of-" + FakeRegions.B);
        UUID session = UUID.randomUUID();
        String steeringPath = PlaybackPaths.STEERING.replace("{sessionId}", session.toString());
        assertThat(new String(network.get(RequestType.STEERING, controlPlane, steeringPath, account.current()).body()))
                .contains("http://127.0.0.1:2");
        assertThat(regions.gatewayB.calls).containsExactly("GET " + LicensePaths.SERVER_KEY, "GET " + steeringPath);
    }

    @Test
    void heartbeatsGoToTheNextRegionAfterOneIsLost() {
        controlPlane.refresh();
        regions.gatewayA.die();
        try (EventReporter reporter = new EventReporter(http, controlPlane, account::current,
                new EventReporter.Session(UUID.randomUUID(), UUID.randomUUID(), FakeBackend.ANA.id(), FakeRegions.A),
                new PlaybackStats(), InstantSource.system())) {
            reporter.finish(false); // lost on A's dead port: the control plane moves to B
            await().atMost(Duration.ofSeconds(5)).until(() -> FakeRegions.B.equals(controlPlane.region()));
        }
        try (EventReporter reporter = new EventReporter(http, controlPlane, account::current,
                new EventReporter.Session(UUID.randomUUID(), UUID.randomUUID(), FakeBackend.ANA.id(), FakeRegions.A),
                new PlaybackStats(), InstantSource.system())) {
            reporter.finish(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> regions.gatewayB.calls.contains("POST " + MetricsPaths.HEARTBEATS));
        }
    }
}
