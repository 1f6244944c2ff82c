package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.player.PlayerApp;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.FakeBackend;
import dev.marquee.player.api.SampleTitles;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** From a title page into the playback screen, driven by a fake session instead of the engine. */
@ExtendWith(ApplicationExtension.class)
class PlaybackViewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final MockWebServer server = new MockWebServer();
    private final FakeBackend backend = new FakeBackend();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<FakePlaybackSession> session = new AtomicReference<>();
    private HomeViewModel home;

    @Start
    void start(Stage stage) throws IOException {
        backend.publish(SampleTitles.ALL);
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        BackendClient client = new BackendClient(server.url("/").toString(), InstantSource.system());
        var account = client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        PlaybackLauncher launcher = (title, at) -> {
            FakePlaybackSession started = new FakePlaybackSession(Duration.ofSeconds(title.card().durationSeconds()), at);
            session.set(started);
            return started;
        };
        home = new HomeViewModel(account, FakeBackend.ANA, client, ResumePositions.NONE, launcher,
                Scheduler.fx(), background, Platform::runLater, new HomeViewTest.NoNavigation());
        Parent root = new HomeView(home).root();
        Scene scene = new Scene(root, 960, 600);
        scene.getStylesheets().setAll(PlayerApp.styleSheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        server.close();
    }

    @Test
    void playOpensThePlaybackScreenShowingFramesAndSTogglesTheStats(FxRobot robot) {
        robot.interact(() -> home.openTitle(SampleTitles.STARFALL.card().id()));
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, "#play"));
        robot.clickOn("#play");
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, "#playback"));
        robot.interact(() -> session.get().advance(Duration.ofSeconds(1)));
        await().atMost(PATIENCE).until(() -> robot.lookup("#video").queryAs(ImageView.class).getImage() != null);
        assertThat(HomeViewTest.visible(robot, "#stats")).isFalse();

        robot.type(KeyCode.S);
        await().atMost(PATIENCE).until(() -> HomeViewTest.visible(robot, "#stats"));
        assertThat(robot.lookup("#stat-edge").queryAs(Label.class).getText()).isEqualTo("fake-edge");
        assertThat(robot.lookup("#stat-current-rung").queryAs(Label.class).getText()).isEqualTo("720p · 3.0 Mbit/s");

        robot.type(KeyCode.S);
        await().atMost(PATIENCE).until(() -> !HomeViewTest.visible(robot, "#stats"));
        robot.type(KeyCode.ESCAPE);
        await().atMost(PATIENCE).until(() -> !HomeViewTest.visible(robot, "#playback"));
        assertThat(session.get().commands).startsWith("attach", "play").endsWith("close");
    }
}
