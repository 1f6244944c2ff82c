package dev.marquee.console;

import dev.marquee.console.api.OpsClient;
import dev.marquee.console.ui.ConsoleShell;
import dev.marquee.console.ui.ConsoleViewModel;
import dev.marquee.console.ui.Ticker;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The ops console window: wires the client, the view models, a health-poll scheduler and the dark theme. */
public final class ConsoleApp extends Application {
    /** An ops console wants width for the navigation and the views beside it. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-poll").factory());

    /** Set by the installers' smoke test: show the window once, say so, and exit. */
    static final String SMOKE_TEST_PROPERTY = "marquee.smokeTest";

    @Override
    public void start(Stage stage) {
        OpsClient client = OpsClient.fromSystemProperties();
        ConsoleViewModel model = new ConsoleViewModel(client, background, Platform::runLater, ticker(scheduler));
        Scene scene = new Scene(new ConsoleShell(model, client.baseUrl()).root(), WIDTH, HEIGHT);
        scene.getStylesheets().setAll(styleSheets());
        stage.setTitle("Marquee ops console");
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
        scheduler.shutdownNow();
        background.shutdownNow();
    }

    /** A ticker on a scheduled executor: fixed delay, so a slow health check never piles up behind itself. */
    public static Ticker ticker(ScheduledExecutorService scheduler) {
        return (period, task) -> {
            var future = scheduler.scheduleWithFixedDelay(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }

    /** The dark palette, then the console styles that use its tokens. */
    public static List<String> styleSheets() {
        return List.of(
                ConsoleApp.class.getResource("ui/theme-dark.css").toExternalForm(),
                ConsoleApp.class.getResource("ui/console.css").toExternalForm());
    }
}
