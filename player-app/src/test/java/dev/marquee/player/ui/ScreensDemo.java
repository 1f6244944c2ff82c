package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.player.PlayerApp;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.FakeBackend;
import dev.marquee.player.api.SampleTitles;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;

/**
 * Opens the browsing screens against {@link FakeBackend} with {@link SampleTitles}, made-up resume positions
 * and a {@link FakePlaybackSession} for "Play": to look at the screens and take screenshots before the
 * catalog has titles and the engine is merged. Not a test and not the app; run {@link Launcher} from the test
 * class path with one argument: {@code home} (default), {@code search}, {@code detail} or {@code playback}.
 */
public final class ScreensDemo extends Application {
    /** A frame every 40 ms: 25 fps of test card for the fake session. */
    private static final Duration FRAME = Duration.ofMillis(40);
    /** Long enough for the rows and their artwork to arrive before the scripted step. */
    private static final javafx.util.Duration SETTLE = javafx.util.Duration.seconds(1.5);

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final MockWebServer server = new MockWebServer();

    /** Starts the demo; a separate class because JavaFX refuses a main class that extends Application. */
    public static final class Launcher {
        private Launcher() {}

        public static void main(String[] args) {
            Application.launch(ScreensDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        FakeBackend backend = new FakeBackend();
        backend.publish(SampleTitles.ALL);
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        BackendClient client = new BackendClient(server.url("/").toString(), InstantSource.system());
        var account = client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        Map<UUID, Duration> watched = Map.of(
                SampleTitles.STARFALL.card().id(), Duration.ofSeconds(1754),
                SampleTitles.ALL.get(1).card().id(), Duration.ofSeconds(1900));
        ResumePositions resume = id -> Optional.ofNullable(watched.get(id));
        PlaybackLauncher launcher = this::fakePlayback;
        HomeViewModel home = new HomeViewModel(account, FakeBackend.ANA, client, resume, launcher, Scheduler.fx(),
                background, Platform::runLater, new HomeViewTest.NoNavigation());
        Parent root = new HomeView(home).root();
        root.getStyleClass().add("app");
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().setAll(PlayerApp.styleSheets());
        stage.setTitle("Marquee — screens demo (fake backend)");
        stage.setScene(scene);
        stage.show();
        home.load();

        String step = getParameters().getRaw().isEmpty() ? "home" : getParameters().getRaw().getFirst();
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> script(home, step));
        settle.play();
    }

    private static void script(HomeViewModel home, String step) {
        switch (step) {
            case "search" -> {
                home.search().queryProperty().set("drama");
                home.search().submit();
                home.search().queryProperty().set("sta"); // leaves the typeahead open over the results
            }
            case "detail" -> home.openTitle(SampleTitles.STARFALL.card().id());
            case "playback" -> {
                home.openTitle(SampleTitles.STARFALL.card().id());
                PauseTransition loaded = new PauseTransition(SETTLE);
                loaded.setOnFinished(e -> {
                    home.detailProperty().get().playPrimary();
                    PlaybackViewModel playing = home.playbackProperty().get();
                    playing.execute(PlaybackViewModel.Command.TOGGLE_STATS);
                    PauseTransition played = new PauseTransition(SETTLE);
                    played.setOnFinished(p -> playing.execute(PlaybackViewModel.Command.TOGGLE_PLAY)); // paused: controls stay
                    played.play();
                });
                loaded.play();
            }
            default -> { }
        }
    }

    private PlaybackSession fakePlayback(TitleDetail title, Duration startAt) {
        FakePlaybackSession session = new FakePlaybackSession(Duration.ofSeconds(title.card().durationSeconds()), startAt);
        Timeline frames = new Timeline(new KeyFrame(javafx.util.Duration.millis(FRAME.toMillis()), e -> session.advance(FRAME)));
        frames.setCycleCount(Animation.INDEFINITE);
        frames.play();
        return session;
    }

    @Override
    public void stop() {
        background.shutdownNow();
        server.close();
    }
}
