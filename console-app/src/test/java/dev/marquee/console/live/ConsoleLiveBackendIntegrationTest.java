package dev.marquee.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.testing.BackendProcess;
import dev.marquee.console.ConsoleApp;
import dev.marquee.console.api.OpsClient;
import dev.marquee.console.ui.ChaosRunForm;
import dev.marquee.console.ui.ConsoleShell;
import dev.marquee.console.ui.ConsoleViewModel;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.RunStatus;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.OpsReason;
import dev.marquee.model.topology.RegionView;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console against the real backend (a child JVM, {@link BackendProcess}) with real viewer traffic through the
 * regional gateways: a Latency Monkey run started from the Chaos view opens the region's circuit breakers on the
 * Breakers view, which close again after the run; an evacuation from the World view moves the region's traffic
 * share to zero, and a restore brings its viewers back.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleLiveBackendIntegrationTest {
    /** A 10 s KPI window must close with the change in it, plus lateness, polls and a loaded 2-core machine. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** 20 calls a second per account: under the gateway's per-account limits (50/s and 1500/min). */
    private static final Duration FAST_LOAD = Duration.ofMillis(50);
    /** 10 calls a second for each of the two regions' viewers. */
    private static final Duration REGION_LOAD = Duration.ofMillis(100);
    /** Bound of every background load, whatever happens. */
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(180);
    /** Long enough for the breakers to see their minimum of 10 calls and open; short for the suite. */
    private static final String RUN_SECONDS = "20";
    private static final String EAST = "us-east-1";
    private static final String EU = "eu-west-1";

    private static BackendProcess backend;
    private static OpsClient ops;
    private static String viewerToken;
    private static String sreToken;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void platform() {
        backend = BackendProcess.shared();
        ops = new OpsClient(backend.baseUrl() + "/", InstantSource.system());
        ops.signIn(backend.sreCredentials().email(), backend.sreCredentials().password());
        viewerToken = backend.signIn(backend.viewerCredentials());
        sreToken = backend.signIn(backend.sreCredentials());
    }

    @Start
    void start(Stage stage) {
        OpsClient client = new OpsClient(backend.baseUrl() + "/", InstantSource.system());
        ConsoleViewModel model = new ConsoleViewModel(client, background, Platform::runLater, ConsoleApp.ticker(scheduler));
        Scene scene = new Scene(new ConsoleShell(model, client.baseUrl()).root(), 1280, 800);
        scene.getStylesheets().setAll(ConsoleApp.styleSheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        background.shutdownNow();
    }

    @Test
    void aLatencyMonkeyRunFromTheChaosViewOpensTheRegionsBreakersUntilItEnds(FxRobot robot) throws Exception {
        try (DirectedLoad load = DirectedLoad.start(backend.baseUrl(), EAST, viewerToken, CatalogPaths.GENRES,
                FAST_LOAD, LOAD_AT_MOST)) {
            signIn(robot);
            robot.clickOn("#nav-chaos");
            ListView<?> catalog = robot.lookup("#catalog").queryAs(ListView.class);
            ComboBox<String> region = combo(robot, "#scope-region");
            await().atMost(WAIT).until(() -> catalog.getItems().size() == 5 && region.getItems().contains(EAST));

            robot.clickOn("Latency Monkey");
            // the blank limits show the engine's own defaults, not a stand-in
            ChaosLimits limits = ops.get(ChaosPaths.SETTINGS, ChaosLimits.class);
            await().atMost(WAIT).until(() -> text(robot, "#max-error-rate").getPromptText()
                    .equals("default " + ChaosRunForm.plain(limits.defaults().maxErrorRate())));
            robot.interact(() -> {
                region.setValue(EAST);
                combo(robot, "#scope-service").setValue("catalog");
                text(robot, "#error-rate").setText("1.0");
                text(robot, "#duration").setText(RUN_SECONDS);
                // Loose limits: the run must last its duration, not be aborted by its own hypothesis.
                text(robot, "#max-error-rate").setText("1");
                text(robot, "#max-p99").setText("60000");
                text(robot, "#max-rebuffer").setText("1");
                text(robot, "#max-sps-drop").setText("100");
                text(robot, "#run-reason").setText("breaker drill");
            });
            robot.clickOn("#preview");
            await().atMost(WAIT).until(() -> label(robot, "#blast-summary").contains("on 3 instances"));
            robot.clickOn("#start-run");
            await().atMost(WAIT).until(() -> label(robot, "#report-verdict").startsWith("RUNNING"));
            String runId = ops.getList(ChaosPaths.RUNS, RunView.class).getFirst().id();

            robot.clickOn("#nav-breakers");
            Set<String> opened = ConcurrentHashMap.newKeySet();
            await().atMost(WAIT).until(() -> {
                catalogBreakers(robot, EAST).stream().filter(l -> l.getText().equals("OPEN")).forEach(l -> opened.add(l.getId()));
                return !opened.isEmpty();
            });
            assertThat(load.answered(500) + load.answered(502) + load.answered(503)).as(load.statuses()).isPositive();

            await().atMost(WAIT).until(() -> catalogBreakers(robot, EAST).stream()
                    .filter(l -> opened.contains(l.getId())).allMatch(l -> l.getText().equals("CLOSED")));
            RunView run = ops.get(ChaosPaths.RUN.replace("{runId}", runId), RunView.class);
            assertThat(run.status()).as(run.reason()).isEqualTo(RunStatus.PASSED);
            assertThat(run.actions()).extracting(a -> a.kind()).contains("FAULTS_INJECTED", "FAULTS_CLEARED");
        }
    }

    @Test
    void evacuatingARegionFromTheWorldViewMovesItsTrafficShareToZeroUntilRestored(FxRobot robot) throws Exception {
        try (DirectedLoad eu = DirectedLoad.start(backend.baseUrl(), EU, viewerToken, CatalogPaths.GENRES,
                REGION_LOAD, LOAD_AT_MOST);
             DirectedLoad east = DirectedLoad.start(backend.baseUrl(), EAST, sreToken, CatalogPaths.GENRES,
                     REGION_LOAD, LOAD_AT_MOST)) {
            String euGateway = gateway(EU);
            signIn(robot);
            await().atMost(WAIT).until(() -> label(robot, "#share-" + EU).matches("[1-9]\\d* %"));

            robot.clickOn("#evacuate-" + EU);
            giveReason(robot, "failover drill");

            await().atMost(WAIT).until(() -> label(robot, "#share-" + EU).equals("0 %"));
            assertThat(label(robot, "#share-" + EAST)).matches("[1-9]\\d* %");
            assertThat(eu.gateway()).isNotEqualTo(euGateway);

            robot.clickOn("#restore-" + EU);
            giveReason(robot, "drill over");

            await().atMost(WAIT).until(() -> robot.lookup("#evacuate-" + EU).tryQuery().isPresent());
            await().atMost(WAIT).until(() -> euGateway.equals(eu.gateway()));
            assertThat(east.answered(200)).as(east.statuses()).isPositive();
        } finally {
            if (ops.getList(ControlPaths.REGIONS, RegionView.class).stream().anyMatch(r -> r.region().equals(EU) && r.evacuated())) {
                ops.send("POST", ControlPaths.REGION_RESTORE.replace("{region}", EU), new OpsReason("test cleanup"));
            }
        }
    }

    private static String gateway(String region) {
        return ops.getList(ControlPaths.REGIONS, RegionView.class).stream().filter(r -> r.region().equals(region))
                .findFirst().orElseThrow().gatewayUrl();
    }

    /** The breaker state labels of the region's catalog instances, as the Breakers view shows them. */
    private static List<Label> catalogBreakers(FxRobot robot, String region) {
        return robot.lookup(".breaker-state").queryAllAs(Label.class).stream()
                .filter(l -> l.getId() != null && l.getId().startsWith("breaker-state-instance:catalog-" + region))
                .toList();
    }

    private static void giveReason(FxRobot robot, String reason) {
        await().atMost(WAIT).until(() -> robot.lookup("#reason").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#reason").queryAs(TextInputControl.class).setText(reason));
        robot.clickOn("#reason").type(KeyCode.ENTER);
    }

    private static void signIn(FxRobot robot) {
        robot.interact(() -> {
            text(robot, "#email").setText(backend.sreCredentials().email());
            text(robot, "#password").setText(backend.sreCredentials().password());
        });
        robot.clickOn("#password").type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> robot.lookup("#dashboard").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ComboBox.class);
    }

    private static TextInputControl text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextInputControl.class);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map((Node n) -> ((Label) n).getText()).orElse("");
    }
}
