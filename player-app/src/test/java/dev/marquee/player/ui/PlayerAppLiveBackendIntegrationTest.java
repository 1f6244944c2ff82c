package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.testing.BackendProcess;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.PlayerApp;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.engine.StreamingEngine;
import dev.marquee.player.engine.VlcMediaSink;
import dev.marquee.player.live.LiveBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue D's screen test against the REAL backend (child JVM): the player's screens wired as the app wires them,
 * with the engine and libvlc behind "Play" (headless audio, no display but Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class PlayerAppLiveBackendIntegrationTest {
    /** Screens answer in well under a second; the backend under the other helpers' load may take a few. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Session, licence, first segment, libvlc start-up on a loaded 2-core machine. */
    private static final Duration FIRST_FRAME = Duration.ofSeconds(60);
    /** Pixels between probes of the picture: a few hundred reads. */
    private static final int PROBE_STEP = 32;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private static UUID titleId;
    @TempDir
    Path deviceDir;

    /** The backend starts and the title is encoded before the stage is made: the FX set-up has a short timeout. */
    @BeforeAll
    static void publish() {
        titleId = LiveBackend.title();
    }

    @Start
    void start(Stage stage) throws IOException {
        BackendProcess backend = LiveBackend.backend();
        BackendClient client = new BackendClient(backend.baseUrl(), InstantSource.system());
        OkHttpClient http = new OkHttpClient();
        ControlPlane regions = new ControlPlane(http, backend.baseUrl(), "", InstantSource.system());
        client.readThrough(regions); // as the app wires it: catalog reads through the region's gateway
        PlaybackApi playback = new PlaybackApi(regions, client, http, InstantSource.system());
        var settings = new EnginePlaybackLauncher.Settings("", null, deviceDir, List.of(VlcMediaSink.HEADLESS_AUDIO),
                StreamingEngine.Config.defaults(), true);
        PlayerViewModel model = new PlayerViewModel(client, client,
                new EnginePlayback(playback, settings, http, background, InstantSource.system()),
                Scheduler.fx(), background, Platform::runLater);
        Scene scene = new Scene(new PlayerShell(model, client.baseUrl()).root(), 1000, 700);
        scene.getStylesheets().setAll(PlayerApp.styleSheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.type(KeyCode.ESCAPE); // leaves playback: the session closes the player and ends the stream session
        background.shutdown();
    }

    @Test
    void signsInPicksAProfileAndPlaysAPublishedTitleShowingItsRungAndEdge(FxRobot robot) throws Exception {
        BackendProcess.Credentials viewer = LiveBackend.backend().viewerCredentials();
        robot.interact(() -> {
            robot.lookup("#email").queryAs(TextField.class).setText(viewer.email());
            robot.lookup("#password").queryAs(TextField.class).setText(viewer.password());
        });
        robot.clickOn("#password").type(KeyCode.ENTER);

        ProfileView profile = LiveBackend.adultProfile(LiveBackend.viewer());
        String tile = "#profile-" + profile.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, tile));
        robot.clickOn(tile);

        String poster = "#title-" + titleId;
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, poster));
        robot.clickOn(poster);
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, "#play"));
        robot.clickOn("#play");

        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, "#playback"));
        await().atMost(FIRST_FRAME).until(() -> painted(robot.lookup("#video").queryAs(ImageView.class).getImage()));
        assertThat(text(robot, "#playback-failure")).isEmpty();
        assertThat(robot.lookup("#video").queryAs(ImageView.class).getImage().getWidth()).isEqualTo(LiveBackend.WIDTH);

        robot.type(KeyCode.S);
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, "#stats"));
        // the overlay rebuilds its rows at every refresh: read them on the FX thread, once they have values
        await().atMost(PATIENCE).until(() -> text(robot, "#stat-current-rung").matches("\\d+p · .*Mbit/s")
                && !text(robot, "#stat-edge").equals("—") && text(robot, "#stat-startup").endsWith(" ms")
                && text(robot, "#stat-cache").matches("HIT|MISS"));
    }

    /** A label's text read on the FX thread, or "" while it is not in the scene. */
    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery()
                .map(node -> ((Label) node).getText()).orElse("")).get();
    }

    /** A picture was drawn: the test pattern has colour somewhere on a coarse grid (a fresh image is all zero). */
    private static boolean painted(javafx.scene.image.Image image) {
        if (image == null || image.getPixelReader() == null) {
            return false;
        }
        for (int y = 0; y < (int) image.getHeight(); y += PROBE_STEP) {
            for (int x = 0; x < (int) image.getWidth(); x += PROBE_STEP) {
                if ((image.getPixelReader().getArgb(x, y) & 0xFF_FF_FF) != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
