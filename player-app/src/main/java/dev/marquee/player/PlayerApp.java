package dev.marquee.player;

import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.ui.EnginePlayback;
import dev.marquee.player.ui.EnginePlaybackLauncher;
import dev.marquee.player.ui.PlayerShell;
import dev.marquee.player.ui.PlayerViewModel;
import dev.marquee.player.ui.Scheduler;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/** The player window: wires the backend client, the view models and the dark theme. */
public final class PlayerApp extends Application {
    /** Fits a 1280×800 laptop screen with room for the window frame. */
    static final double WIDTH = 1200;
    static final double HEIGHT = 760;
    /** Below this the profile tiles and the top bar no longer fit side by side. */
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    /** The region this player says it is in, e.g. {@code -Dmarquee.region=eu-west-1}; empty: the director decides. */
    static final String REGION_PROPERTY = "marquee.region";

    /** Set by the installers' smoke test: show the window once, say so, and exit. */
    static final String SMOKE_TEST_PROPERTY = "marquee.smokeTest";

    @Override
    public void start(Stage stage) {
        BackendClient client = BackendClient.fromSystemProperties();
        String region = System.getProperty(REGION_PROPERTY, "");
        OkHttpClient http = new OkHttpClient();
        // The backend that signs in also runs the traffic director; playback calls go to the region it names.
        ControlPlane regions = new ControlPlane(http, client.baseUrl(), region, InstantSource.system());
        client.readThrough(regions); // browsing and playback follow the regions; sign-in stays on the main address
        PlaybackApi playback = new PlaybackApi(regions, client, http, InstantSource.system());
        PlayerViewModel model = new PlayerViewModel(client, client,
                new EnginePlayback(playback, EnginePlaybackLauncher.Settings.forApp(region), http, background,
                        InstantSource.system()),
                Scheduler.fx(), background, Platform::runLater);
        Scene scene = new Scene(new PlayerShell(model, client.baseUrl()).root(), WIDTH, HEIGHT);
        scene.getStylesheets().setAll(styleSheets());
        stage.setTitle("Marquee");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean(SMOKE_TEST_PROPERTY)) {
            // The installers' smoke test starts the packaged app and waits for this line.
            System.out.println("marquee smoke test: window '" + stage.getTitle() + "' shown");
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }

    /** The palette first (dark by default), then the styles that use its tokens. */
    public static List<String> styleSheets() {
        return List.of(resource("theme-dark.css"), resource("player.css"));
    }

    private static String resource(String name) {
        return Objects.requireNonNull(PlayerApp.class.getResource("ui/" + name), name).toExternalForm();
    }
}
