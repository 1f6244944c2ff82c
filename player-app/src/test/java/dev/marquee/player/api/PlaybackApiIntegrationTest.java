package dev.marquee.player.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.ResumePosition;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaybackApiIntegrationTest {
    private FakeRegions regions;
    private PlaybackApi api;

    @BeforeEach
    void start() throws IOException {
        regions = new FakeRegions();
        BackendClient account = new BackendClient(regions.directorUrl(), () -> Instant.parse("2026-01-01T12:00:00Z"));
        account.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        OkHttpClient http = new OkHttpClient();
        api = new PlaybackApi(new ControlPlane(http, regions.directorUrl(), "", Instant::now),
                account, http, Instant::now);
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    @Test
    void createsASessionWithASignedMasterPathAndSteeringPath() {
        UUID title = UUID.randomUUID();

        PlaybackManifest manifest = api.createSession(title, FakeBackend.ANA.id(), "region-a", "isp-a");

        assertThat(manifest.titleId()).isEqualTo(title);
        assertThat(manifest.masterPath()).contains("sig=");
        assertThat(manifest.steeringPath()).isEqualTo(PlaybackApi.steeringPath(manifest.sessionId()));
    }

    @Test
    void registersADeviceKeyOnlyOnce() {
        DeviceView first = api.registerDevice("Marquee player on test", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkey");
        DeviceView again = api.registerDevice("Marquee player on test", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkey");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(regions.gatewayA.devices).hasSize(1);
        assertThat(regions.gatewayA.calls).filteredOn(c -> c.equals("POST " + ApiPaths.DEVICES)).hasSize(1);
    }

    @Test
    void readsResumePositionsAndTreatsNeverPlayedAsEmpty() {
        assertThat(api.resumePosition(FakeRegions.WATCHED, FakeBackend.ANA.id())).map(ResumePosition::positionMs).contains(30_000L);
        assertThat(api.resumePosition(UUID.randomUUID(), FakeBackend.ANA.id())).isEmpty();
        assertThat(api.continueWatching(FakeBackend.ANA.id())).extracting(ResumePosition::titleId).containsExactly(FakeRegions.WATCHED);
    }
}
