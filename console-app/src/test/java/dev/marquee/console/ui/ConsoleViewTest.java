package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.console.ConsoleApp;
import dev.marquee.console.api.FakeOpsBackend;
import dev.marquee.console.api.OpsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The console wired to a real client against a loopback backend that speaks the identity contract. */
@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Ticker ONCE = (period, task) -> {
        task.run();
        return () -> {};
    };
    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @Start
    void start(Stage stage) throws IOException {
        server.setDispatcher(new FakeOpsBackend());
        server.start(InetAddress.getLoopbackAddress(), 0);
        OpsClient client = new OpsClient(server.url("/").toString(), InstantSource.system());
        ConsoleViewModel model = new ConsoleViewModel(client, background, Platform::runLater, ONCE);
        Scene scene = new Scene(new ConsoleShell(model, client.baseUrl()).root(), 1100, 700);
        scene.getStylesheets().setAll(ConsoleApp.styleSheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        server.close();
    }

    @Test
    void anSreLandsOnTheDashboardAndCanNavigate(FxRobot robot) {
        signIn(robot, FakeOpsBackend.SRE_EMAIL, FakeOpsBackend.PASSWORD);

        await().atMost(WAIT).until(() -> robot.lookup("#dashboard").tryQuery().isPresent());
        assertThat(robot.lookup("#sre-email").queryAs(Label.class).getText()).isEqualTo(FakeOpsBackend.SRE_EMAIL);
        await().atMost(WAIT).until(() -> robot.lookup("#connection").queryAs(Label.class).getText().equals("connected"));
        assertThat(robot.lookup("#section-regions").tryQuery()).isPresent();

        robot.clickOn("#nav-chaos");

        assertThat(robot.lookup("#section-chaos").tryQuery()).isPresent();
        await().atMost(WAIT).until(() -> robot.lookup("#chaos-unavailable").tryQuery().map(n -> n.isVisible()).orElse(false));
    }

    @Test
    void aWrongPasswordIsSaidSo(FxRobot robot) {
        signIn(robot, FakeOpsBackend.SRE_EMAIL, "wrong");

        await().atMost(WAIT).until(() -> robot.lookup("#error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error").queryAs(Label.class).getText()).isEqualTo("Wrong email or password.");
    }

    @Test
    void aViewerOnlyAccountIsRefusedWithTheRoleMessage(FxRobot robot) {
        signIn(robot, FakeOpsBackend.VIEWER_EMAIL, FakeOpsBackend.PASSWORD);

        await().atMost(WAIT).until(() -> robot.lookup("#error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error").queryAs(Label.class).getText())
                .isEqualTo("This account is not an SRE account; the ops console needs the SRE role");
        assertThat(robot.lookup("#dashboard").tryQuery()).isEmpty();
    }

    /** Sets the fields directly (robot typing costs seconds) and presses Enter in the password field. */
    private static void signIn(FxRobot robot, String email, String password) {
        robot.interact(() -> {
            robot.lookup("#email").queryAs(TextInputControl.class).setText(email);
            robot.lookup("#password").queryAs(TextInputControl.class).setText(password);
        });
        robot.clickOn("#password").type(KeyCode.ENTER);
    }
}
