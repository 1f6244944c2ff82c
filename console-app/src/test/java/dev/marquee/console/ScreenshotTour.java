package dev.marquee.console;

import static org.awaitility.Awaitility.await;

import dev.marquee.console.api.OpsClient;
import dev.marquee.console.api.OpsWire;
import dev.marquee.console.ui.ConsoleShell;
import dev.marquee.console.ui.ConsoleViewModel;
import dev.marquee.console.ui.EdgeViewModel;
import dev.marquee.model.metrics.KpiSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Opens the real console against a running backend, signs the SRE in, visits every view and writes a snapshot of
 * each to {@code docs/screenshots/console-<view>.png} once it shows live data. Not a test: run it by hand under a
 * display (Xvfb) with {@code -Dmarquee.backend=…}, the SRE's e-mail and password, and the output directory. It waits
 * for conditions, never for fixed times: a view's data on screen (real playback figures where the view has them),
 * then a rendering that has stopped changing (charts and tiles finished drawing) before each snapshot.
 */
public final class ScreenshotTour {
    static final double WIDTH = 1440;
    static final double HEIGHT = 900;
    /** How long a view may take to show what the tour waits for (a first KPI window with playback is 10 s). */
    static final Duration WAIT = Duration.ofSeconds(120);
    /** How often a condition is checked: a few times per console poll (2 s). */
    static final Duration POLL = Duration.ofMillis(250);
    /** Two renderings this far apart that are identical: the view has finished drawing (tile and chart animations last ~1 s). */
    static final Duration STABLE_OVER = Duration.ofMillis(700);
    /** A live view may redraw on every poll and never look still: after this long it is taken as it is. */
    static final Duration SETTLE_AT_MOST = Duration.ofSeconds(20);

    /** Printed when every live view is taken: the backend may be stopped for the "disconnected" shot. */
    static final String STOP_THE_BACKEND = "tour: stop the backend now";

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
        until(scene, s -> s.lookup("#edge-nodes") instanceof TableView<?> t && t.getItems().stream()
                .anyMatch(r -> ((EdgeViewModel.NodeRow) r).node().stats().bytesServed() > 0));
        shot(scene, out, "edge");
        open(scene, "breakers");
        until(scene, s -> s.lookup(".breaker-circle") != null);
        shot(scene, out, "breakers");
        open(scene, "metrics");
        until(scene, s -> s.lookup("#region-kpis") instanceof TableView<?> t && t.getItems().stream()
                .anyMatch(k -> ((KpiSnapshot) k).startTimeP50Ms() != null)
                && s.lookup("#chart-sps") instanceof LineChart<?, ?> c && !c.getData().isEmpty()
                && !c.getData().getFirst().getData().isEmpty());
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
        settled(scene);
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
        // the honest banner: whoever runs the tour stops the backend when asked
        open(scene, "regions");
        System.out.println(STOP_THE_BACKEND);
        until(scene, s -> s.lookup("#disconnected") instanceof Label l && l.isVisible());
        shot(scene, out, "disconnected");
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

    /** Waits until the scene shows what {@code shown} tests, then until it has finished drawing. */
    private static void until(Scene scene, Predicate<Scene> shown) {
        await("the console to show what the tour waits for").atMost(WAIT).pollInterval(POLL)
                .until(() -> fx(() -> shown.test(scene)));
        settled(scene);
    }

    /** Waits until two renderings {@link #STABLE_OVER} apart are identical, at most {@link #SETTLE_AT_MOST}. */
    private static void settled(Scene scene) {
        AtomicInteger last = new AtomicInteger();
        try {
            await().atMost(SETTLE_AT_MOST).pollDelay(STABLE_OVER).pollInterval(STABLE_OVER).until(() -> {
                int now = fx(() -> rendering(scene.snapshot(null)));
                return last.getAndSet(now) == now;
            });
        } catch (ConditionTimeoutException stillDrawing) {
            System.out.println("still redrawing after " + SETTLE_AT_MOST.toSeconds() + " s: taken as it is");
        }
    }

    /** A hash of every pixel: equal for identical renderings. */
    private static int rendering(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return Arrays.hashCode(argb);
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

    private static <T> T fx(Supplier<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }
}
