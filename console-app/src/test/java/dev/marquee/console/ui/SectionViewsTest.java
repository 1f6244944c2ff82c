package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.console.ConsoleApp;
import dev.marquee.console.api.OpsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Each section view wired to the real client against a loopback backend answering with JSON and event streams
 * recorded from the running backend: the views show that data and their buttons call the ops API.
 */
@ExtendWith(ApplicationExtension.class)
class SectionViewsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final MockWebServer server = new MockWebServer();
    private final FakeSectionsBackend backend = new FakeSectionsBackend();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) throws IOException {
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        OpsClient client = new OpsClient(server.url("/").toString(), InstantSource.system());
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
        server.close();
    }

    @Test
    void evacuatingARegionFromTheWorldViewDropsItsTrafficShareToZero(FxRobot robot) {
        signIn(robot);
        await().atMost(WAIT).until(() -> text(robot, "#share-eu-west-1").matches("[1-9]\\d* %"));

        // A poll can rebuild the region cards between the robot's lookup and its click; then click again.
        await().atMost(WAIT).pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
            if (robot.lookup("#reason").tryQuery().isEmpty()) {
                robot.clickOn("#evacuate-eu-west-1");
            }
            return robot.lookup("#reason").tryQuery().isPresent();
        });
        robot.interact(() -> robot.lookup("#reason").queryAs(TextInputControl.class).setText("failover drill"));
        robot.clickOn("#reason").type(KeyCode.ENTER);

        await().atMost(WAIT).until(() -> text(robot, "#share-eu-west-1").equals("0 %"));
        assertThat(backend.actions).contains(
                "POST /api/ops/regions/eu-west-1/evacuate {\"reason\":\"failover drill\"}");
        assertThat(robot.lookup("#restore-eu-west-1").tryQuery()).isPresent();
        assertThat(text(robot, "#share-us-east-1")).matches("[1-9]\\d* %");
    }

    @Test
    void theBreakersViewDrawsOneCirclePerBreakerFromTheStream(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#nav-breakers");

        await().atMost(WAIT).until(() -> robot.lookup("#breaker-map").queryAs(Pane.class).getChildren().size() == 3);
        assertThat(robot.lookup(".breaker-circle").queryAll()).hasSize(3);
    }

    @Test
    void theEdgeViewListsTheNodesAndFillsTheSelectedNodesRegion(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#nav-edge");
        TableView<?> table = robot.lookup("#edge-nodes").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 10);

        robot.interact(() -> table.getSelectionModel().select(table.getItems().size() - 1));
        robot.clickOn("#fill-region");

        await().atMost(WAIT).until(() -> backend.actions.stream().anyMatch(a -> a.startsWith("POST /api/ops/edge/fills/regions/")));
    }

    @Test
    void theMetricsViewShowsTheStreamsKpisPerRegion(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#nav-metrics");

        TableView<?> regions = robot.lookup("#region-kpis").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> regions.getItems().size() == 3);
        assertThat(robot.lookup("#tile-sps").tryQuery()).isPresent();
    }

    @Test
    void theEncodingViewSaysSoWhenTheBackendHasNoEncodingApi(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#nav-encoding");

        await().atMost(WAIT).until(() -> robot.lookup("#encoding-unavailable").tryQuery().map(n -> n.isVisible())
                .orElse(false));
        assertThat(robot.lookup("#encoding-jobs").tryQuery().map(n -> n.getParent().isVisible())).hasValue(false);
    }

    @Test
    void theKillSwitchIsEngagedAfterAConfirmationAndAStartIsThenRefusedInTheEnginesWords(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#nav-chaos");
        await().atMost(WAIT).until(() -> text(robot, "#kill-switch").startsWith("Engage")
                && robot.lookup("#catalog").queryAs(ListView.class).getItems().size() == 5);

        robot.clickOn("#kill-switch");
        await().atMost(WAIT).until(() -> robot.lookup("#confirm-reason").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#confirm-reason").queryAs(TextInputControl.class).setText("game day over"));
        robot.clickOn("#confirm-yes");

        await().atMost(WAIT).until(() -> text(robot, "#kill-switch-state").startsWith("KILL SWITCH ENGAGED"));
        assertThat(backend.actions).contains("PUT /api/ops/chaos/kill-switch {\"engaged\":true,\"reason\":\"game day over\"}");
        robot.clickOn("Chaos Kong");
        robot.interact(() -> robot.lookup("#scope-region").queryAs(ComboBox.class).setValue("us-east-1"));
        robot.clickOn("#preview");
        await().atMost(WAIT).until(() -> !robot.lookup("#start-run").query().isDisabled());
        robot.clickOn("#start-run");
        await().atMost(WAIT).until(() -> text(robot, "#form-problem").contains("game day over; release it before starting runs"));
        assertThat(robot.lookup("#form-problem").query().isVisible()).isTrue();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static void signIn(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#email").queryAs(TextInputControl.class).setText(FakeSectionsBackend.SRE_EMAIL);
            robot.lookup("#password").queryAs(TextInputControl.class).setText(FakeSectionsBackend.PASSWORD);
        });
        robot.clickOn("#password").type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> robot.lookup("#dashboard").tryQuery().isPresent());
    }
}
