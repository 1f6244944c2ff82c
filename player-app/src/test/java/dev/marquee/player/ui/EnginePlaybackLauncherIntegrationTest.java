package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.Problem;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.api.FakeBackend;
import dev.marquee.player.api.FakeRegions;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.api.SampleTitles;
import dev.marquee.player.engine.StreamingEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's way to a session, and its messages when there is none, against fake regions on loopback. */
class EnginePlaybackLauncherIntegrationTest {
    @TempDir
    Path home;
    private FakeRegions regions;
    private EnginePlaybackLauncher launcher;

    @BeforeEach
    void start() throws IOException {
        regions = new FakeRegions();
        BackendClient account = new BackendClient(regions.directorUrl(), InstantSource.system());
        account.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        OkHttpClient http = new OkHttpClient();
        PlaybackApi api = new PlaybackApi(new ControlPlane(http, regions.directorUrl(), FakeRegions.A,
                InstantSource.system()), account, http, InstantSource.system());
        launcher = new EnginePlaybackLauncher(api, FakeBackend.ANA.id(), new EnginePlaybackLauncher.Settings(
                FakeRegions.A, null, home.resolve("device"), List.of("--aout=dummy"), StreamingEngine.Config.defaults(),
                false), http, Runnable::run, InstantSource.system());
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    @Test
    void showsTheStreamLimitRefusalAsTheBackendWroteIt() {
        String detail = "Your plan plays on 2 screens at once and both are in use: stop one to watch here.";
        regions.gatewayA.sessionProblem = new Problem(LicensePaths.PROBLEM_CONCURRENT_STREAM_LIMIT,
                "Too many streams", 409, detail, null);

        PlaybackSession session = launcher.play(SampleTitles.STARFALL, Duration.ZERO);

        assertThat(session.snapshot().failure()).isEqualTo(detail);
        assertThat(session.snapshot().playing()).isFalse();
    }

    @Test
    void registersTheDeviceKeyBeforeAskingForASession() throws IOException {
        regions.gatewayA.sessionProblem = new Problem(PlaybackPaths.PROBLEM_NOT_PLAYABLE, "Not playable", 404,
                "This title is not available on a kids profile.", null);

        PlaybackSession session = launcher.play(SampleTitles.STARFALL, Duration.ZERO);

        assertThat(session.snapshot().failure()).isEqualTo("This title is not available on a kids profile.");
        assertThat(regions.gatewayA.calls).containsSubsequence("POST /api/me/devices", "POST " + PlaybackPaths.SESSIONS);
        assertThat(Files.list(home.resolve("device")).map(p -> p.getFileName().toString())).contains("device.key");
    }

    @Test
    void saysTheBackendCannotBeReachedWhenNoRegionAnswers() {
        regions.gatewayA.die();
        regions.gatewayB.die();
        regions.director.close();

        PlaybackSession session = launcher.play(SampleTitles.STARFALL, Duration.ZERO);

        assertThat(session.snapshot().failure()).startsWith("Can't reach Marquee at");
    }
}
