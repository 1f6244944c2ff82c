package dev.marquee.console;

import dev.marquee.console.api.OpsClient;
import dev.marquee.console.api.OpsWire;
import dev.marquee.console.ui.ConsoleShell;
import dev.marquee.console.ui.ConsoleViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the real console against a running backend, signs the SRE in, visits every view and writes a snapshot of
 * each to {@code docs/screenshots/console-<view>.png} once it shows live data. Not a test: run it by hand under a
 * display (Xvfb) with {@code -Dmarquee.backend=…}, the SRE's e-mail and password, and the output directory.
 */
public final class ScreenshotTour {
    static final double WIDTH = 1440;
    static final double HEIGHT = 900;
    /** Long enough for a view's first polls and stream snapshots, and for charts to draw. */
    static final long SETTLE_MS = 6_000;
    static final long WAIT_MS = 90_000;

    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        String email = args[0];
        String password = args[1];
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        CompletableFuture<Scene> shown = new CompletableFuture<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Platform.startup(() -> {
            OpsClient client = OpsClient.fromSystemProperties();
            ConsoleViewModel model = new ConsoleViewModel(client, Executors.newVirtualThreadPerTaskExecutor(),
                    Platform::runLater, ConsoleApp.ticker(scheduler));
            Scene scene = new Scene(new ConsoleShell(model, client.baseUrl()).root(), WIDTH, HEIGHT);
            scene.getStylesheets().setAll(ConsoleApp.styleSheets());
            Stage stage = new Stage();
            stage.setTitle("Marquee ops console");
            stage.setScene(scene);
            stage.show();
            shown.complete(scene);
        });
        Scene scene = shown.get(30, TimeUnit.SECONDS);
        fx(() -> {
            ((TextInputControl) scene.lookup("#email")).setText(email);
            ((TextInputControl) scene.lookup("#password")).setText(password);
            ((ButtonBase) scene.lookup("#signIn")).fire();
            return null;
        });
        until(scene, s -> s.lookup("#dashboard") != null);

        until(scene, s -> s.lookup("#share-us-east-1") instanceof Label l && l.getText().endsWith("%"));
        shot(scene, out, "world");
        open(scene, "edge");
        until(scene, s -> s.lookup("#edge-nodes") instanceof TableView<?> t && !t.getItems().isEmpty());
        shot(scene, out, "edge");
        open(scene, "breakers");
        until(scene, s -> s.lookup(".breaker-circle") != null);
        shot(scene, out, "breakers");
        open(scene, "metrics");
        until(scene, s -> s.lookup("#region-kpis") instanceof TableView<?> t && !t.getItems().isEmpty());
        shot(scene, out, "metrics");
        open(scene, "encoding");
        until(scene, s -> s.lookup("#encoding-jobs") instanceof TableView<?> t
                && t.getItems().stream().anyMatch(j -> !((OpsWire.EncodingJob) j).rungs().isEmpty()));
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<OpsWire.EncodingJob> jobs = (TableView<OpsWire.EncodingJob>) scene.lookup("#encoding-jobs");
            jobs.getSelectionModel().select(jobs.getItems().stream().filter(j -> !j.rungs().isEmpty()).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(SETTLE_MS);
        shot(scene, out, "encoding");

        open(scene, "chaos");
        until(scene, s -> s.lookup("#chaos-runs") instanceof TableView<?> t && !t.getItems().isEmpty()
                && s.lookup("#catalog") instanceof ListView<?> c && !c.getItems().isEmpty()
                && s.lookup("#scope-region") instanceof ComboBox<?> r && r.getItems().size() > 1);
        fx(() -> {
            ListView<?> catalog = (ListView<?>) scene.lookup("#catalog");
            catalog.getSelectionModel().select(3); // Latency Monkey
            value(scene, "#scope-region", "us-west-2");
            value(scene, "#scope-service", "search");
            ((TextInputControl) scene.lookup("#latency")).setText("400");
            ((TextInputControl) scene.lookup("#error-rate")).setText("0.1");
            ((TextInputControl) scene.lookup("#duration")).setText("120");
            ((TextInputControl) scene.lookup("#max-p99")).setText("3000");
            ((TextInputControl) scene.lookup("#run-reason")).setText("search latency drill");
            ((ButtonBase) scene.lookup("#preview")).fire();
            return null;
        });
        until(scene, s -> s.lookup("#blast-summary") instanceof Label l && !l.getText().isEmpty());
        shot(scene, out, "chaos-new-run");
        fx(() -> {
            ((TabPane) scene.lookup("#chaos-tabs")).getSelectionModel().select(1);
            return null;
        });
        until(scene, s -> s.lookup("#report-title") instanceof Label l && l.getText().contains(" on "));
        shot(scene, out, "chaos");
        fx(() -> {
            ((TabPane) scene.lookup("#chaos-tabs")).getSelectionModel().select(2);
            return null;
        });
        until(scene, s -> s.lookup("#chaos-schedules") instanceof TableView<?> t && !t.getItems().isEmpty());
        shot(scene, out, "chaos-schedules");
        scheduler.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static void value(Scene scene, String id, String value) {
        ((ComboBox<String>) scene.lookup(id)).setValue(value);
    }

    private static void open(Scene scene, String section) throws Exception {
        fx(() -> {
            ((ButtonBase) scene.lookup("#nav-" + section)).fire();
            return null;
        });
    }

    private static void until(Scene scene, java.util.function.Predicate<Scene> shown) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!fx(() -> shown.test(scene))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the console did not show what the tour waits for");
            }
            Thread.sleep(250);
        }
        Thread.sleep(SETTLE_MS);
    }

    private static void shot(Scene scene, Path out, String view) throws Exception {
        Path file = out.resolve("console-" + view + ".png");
        var image = fx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + file);
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(30, TimeUnit.SECONDS);
    }
}
