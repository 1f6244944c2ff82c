package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.player.PlayerApp;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.FakeBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/** The player's screens wired to a real client, against a loopback backend that speaks the identity contract. */
@ExtendWith(ApplicationExtension.class)
class PlayerViewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @Start
    void start(Stage stage) throws IOException {
        server.setDispatcher(new FakeBackend());
        server.start(InetAddress.getLoopbackAddress(), 0);
        BackendClient client = new BackendClient(server.url("/").toString(), InstantSource.system());
        PlayerViewModel model = new PlayerViewModel(
                client, client, new UnavailablePlaybackLauncher(), Scheduler.fx(), background, Platform::runLater);
        Scene scene = new Scene(new PlayerShell(model, client.baseUrl()).root(), 1000, 700);
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
    void goodCredentialsAndEnterLeadToTheProfilePicker(FxRobot robot) {
        signIn(robot, FakeBackend.PASSWORD);

        await().atMost(PATIENCE).until(() -> robot.lookup("#profiles").tryQuery().isPresent()
                && robot.lookup("#profiles").queryAs(Pane.class).getChildren().size() == 3);
        assertThat(robot.lookup("#profile-ana").tryQuery()).isPresent();
    }

    @Test
    void badCredentialsShowTheErrorAndStayOnSignIn(FxRobot robot) {
        signIn(robot, "not the password");

        await().atMost(PATIENCE).until(() -> visible(robot, "#error"));
        assertThat(robot.lookup("#error").queryAs(Label.class).getText()).isEqualTo("Wrong email or password.");
        assertThat(robot.lookup("#signIn").tryQuery()).isPresent();
    }

    @Test
    void aPinProtectedProfileLeadsToTheEmptyHomeOnlyWithItsPin(FxRobot robot) {
        signIn(robot, FakeBackend.PASSWORD);
        await().atMost(PATIENCE).until(() -> robot.lookup("#profile-sam").tryQuery().isPresent());

        robot.clickOn("#profile-sam");
        await().atMost(PATIENCE).until(() -> visible(robot, "#pin-prompt"));
        robot.write("1111").type(KeyCode.ENTER);
        await().atMost(PATIENCE).until(() -> visible(robot, "#error")
                && robot.lookup("#error").queryAs(Label.class).getText().equals("Wrong PIN: 4 attempts left."));

        robot.clickOn("#pin").write(FakeBackend.PIN).type(KeyCode.ENTER);

        await().atMost(PATIENCE).until(() -> robot.lookup("#home").tryQuery().isPresent());
        assertThat(robot.lookup("#profile-name").queryAs(Label.class).getText()).isEqualTo("Sam");
        await().atMost(PATIENCE).until(() -> visible(robot, "#home-empty")); // the fake catalog has no titles
        assertThat(robot.lookup("No titles yet").tryQuery()).isPresent();
    }

    /** Fills the form directly (typing every character costs seconds per test) and submits with Enter. */
    private static void signIn(FxRobot robot, String password) {
        robot.interact(() -> {
            robot.lookup("#email").queryAs(TextField.class).setText(FakeBackend.EMAIL);
            robot.lookup("#password").queryAs(TextField.class).setText(password);
        });
        robot.clickOn("#password").type(KeyCode.ENTER);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
