package dev.marquee.player.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlPlaneIntegrationTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T12:00:00Z"));
    private FakeRegions regions;
    private ControlPlane controlPlane;
    private BackendClient account;
    private PlaybackApi api;

    @BeforeEach
    void start() throws IOException {
        regions = new FakeRegions();
        account = new BackendClient(regions.directorUrl(), now::get);
        account.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        OkHttpClient http = new OkHttpClient();
        controlPlane = new ControlPlane(http, regions.directorUrl(), FakeRegions.A, now::get);
        api = new PlaybackApi(controlPlane, account, http, now::get);
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    @Test
    void sendsCallsToTheFirstRegionTheDirectorNames() {
        PlaybackManifest manifest = api.createSession(UUID.randomUUID(), FakeBackend.ANA.id(), FakeRegions.A, null);

        assertThat(manifest.region()).isEqualTo(FakeRegions.A);
        assertThat(controlPlane.region()).isEqualTo(FakeRegions.A);
        assertThat(regions.gatewayB.calls).isEmpty();
    }

    @Test
    void movesToTheNextRegionWhenTheGatewayDiesAndAsksTheDirectorAgain() {
        UUID sessionId = api.createSession(UUID.randomUUID(), FakeBackend.ANA.id(), null, null).sessionId();
        int answersBefore = regions.directorAnswers.get();

        regions.gatewayA.die();
        regions.gatewayA.listed = false;

        assertThat(api.steering(sessionId).baseUrls()).containsExactly("http://127.0.0.1:2");
        assertThat(controlPlane.region()).isEqualTo(FakeRegions.B);
        assertThat(regions.gatewayB.calls).containsExactly("GET " + PlaybackApi.steeringPath(sessionId));
        await().atMost(Duration.ofSeconds(5)).until(() -> regions.directorAnswers.get() > answersBefore);
        api.endSession(sessionId);
        assertThat(regions.gatewayB.calls).last().isEqualTo("DELETE " + PlaybackPaths.SESSIONS + "/" + sessionId);
    }

    @Test
    void movesOnWhenTheRegionAnswersWithA5xx() {
        regions.gatewayA.failWith = 503;

        assertThat(api.createSession(UUID.randomUUID(), FakeBackend.ANA.id(), null, null).region()).isEqualTo(FakeRegions.B);
        assertThat(regions.gatewayA.calls).hasSize(1);
    }

    @Test
    void doesNotLeaveARegionThatRefusesTheRequest() {
        regions.gatewayA.failWith = 409;

        assertThatThrownBy(() -> api.createSession(UUID.randomUUID(), FakeBackend.ANA.id(), null, null))
                .isInstanceOf(ApiException.class)
                .hasMessage("Failing on purpose.");
        assertThat(controlPlane.region()).isEqualTo(FakeRegions.A);
        assertThat(regions.gatewayB.calls).isEmpty();
    }

    @Test
    void doesNotGoBackToARegionThatJustFailedWhileTheDirectorStillListsIt() {
        regions.gatewayA.failWith = 502;
        api.continueWatching(FakeBackend.ANA.id());
        regions.gatewayA.failWith = 0;

        assertThat(controlPlane.refresh()).isTrue();
        api.continueWatching(FakeBackend.ANA.id());

        assertThat(regions.gatewayA.calls).hasSize(1);
        now.set(now.get().plus(ControlPlane.FAILED_REGION_PENALTY));
        controlPlane.refresh();
        assertThat(controlPlane.region()).isEqualTo(FakeRegions.A);
    }

    @Test
    void saysTheBackendIsUnreachableWhenEveryRegionIsGone() {
        controlPlane.refresh();
        regions.gatewayA.die();
        regions.gatewayB.die();

        assertThatThrownBy(() -> api.continueWatching(FakeBackend.ANA.id()))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).error())
                .isInstanceOf(ApiError.Unreachable.class);
    }

    @Test
    void catalogReadsFollowTheRegionsWhenAskedTo() {
        regions.backend.publish(SampleTitles.ALL);
        account.readThrough(controlPlane);
        assertThat(account.rows(false).rows()).isNotEmpty();
        assertThat(regions.gatewayA.calls).isNotEmpty();

        regions.gatewayA.die();

        assertThat(account.title(SampleTitles.STARFALL.card().id(), false).card().title()).isEqualTo("Starfall");
        assertThat(regions.gatewayB.calls).hasSize(1);
        assertThat(controlPlane.region()).isEqualTo(FakeRegions.B);
    }

    @Test
    void usesTheDirectorsBackendWhenTheDirectorKnowsNoRegion() {
        regions.gatewayA.listed = false;
        regions.gatewayB.listed = false;

        assertThat(controlPlane.baseUrl()).isEqualTo(regions.directorUrl().replaceAll("/$", ""));
    }
}
