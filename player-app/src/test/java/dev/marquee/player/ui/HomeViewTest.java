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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
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

/** The home screen, search and title page wired to a real client, against a loopback backend with a catalog. */
@ExtendWith(ApplicationExtension.class)
class HomeViewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final UUID STARFALL = SampleTitles.STARFALL.card().id();
    private final MockWebServer server = new MockWebServer();
    private final FakeBackend backend = new FakeBackend();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private HomeViewModel home;

    @Start
    void start(Stage stage) throws IOException {
        backend.publish(SampleTitles.ALL);
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        BackendClient client = new BackendClient(server.url("/").toString(), InstantSource.system());
        var account = client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        home = new HomeViewModel(account, FakeBackend.ANA, client, ResumePositions.NONE, new UnavailablePlaybackLauncher(),
                Scheduler.fx(), background, Platform::runLater, new NoNavigation());
        Parent root = new HomeView(home).root();
        root.getStyleClass().add("app");
        Scene scene = new Scene(root, 1100, 720);
        scene.getStylesheets().setAll(PlayerApp.styleSheets());
        stage.setScene(scene);
        stage.show();
        home.load();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        server.close();
    }

    @Test
    void showsRowsOfPostersWithTheirArtwork(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> robot.lookup("#row-new").lookup("#title-" + STARFALL).tryQuery().isPresent());

        assertThat(robot.lookup("#row-genre-thriller").tryQuery()).isPresent();
        Node card = robot.lookup("#row-new").lookup("#title-" + STARFALL).query();
        await().atMost(PATIENCE).until(() -> robot.from(card).lookup((Node n) -> n instanceof ImageView).tryQuery()
                .map(n -> ((ImageView) n).getImage())
                .filter(image -> image.getProgress() == 1 && !image.isError()).isPresent());
        assertThat(backend.artworkRequests()).isPositive();
    }

    @Test
    void typeaheadShowsASuggestionAndEnterShowsTheResults(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> robot.lookup("#row-new").tryQuery().isPresent());
        robot.clickOn("#search").write("Sta");

        await().atMost(PATIENCE).until(() -> visible(robot, "#suggestion-" + STARFALL));
        assertThat(robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("Sta");
        robot.type(KeyCode.ENTER);

        await().atMost(PATIENCE).until(() -> visible(robot, "#search-results") && visible(robot, "#result-" + STARFALL));
        assertThat(visible(robot, "#suggestions")).isFalse();
    }

    @Test
    void clickingAPosterOpensTheTitlePageAndPlaySaysWhyItCannot(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> robot.lookup("#row-new").lookup("#title-" + STARFALL).tryQuery().isPresent());

        robot.clickOn(robot.lookup("#row-new").lookup("#title-" + STARFALL).queryButton());

        await().atMost(PATIENCE).until(() -> visible(robot, "#detail-title"));
        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo("Starfall");
        assertThat(robot.lookup("#ladder").queryParent().getChildrenUnmodifiable()).hasSize(3);
        robot.clickOn("#play");
        await().atMost(PATIENCE).until(() -> visible(robot, "#play-message"));
        assertThat(robot.lookup("#play-message").queryAs(Label.class).getText()).isEqualTo(UnavailablePlaybackLauncher.MESSAGE);
    }

    @Test
    void aFailingBackendShowsWhyAndRetryLoadsTheRows(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> robot.lookup("#row-new").tryQuery().isPresent());
        backend.failCatalogWith(500);
        robot.interact(home::load);

        await().atMost(PATIENCE).until(() -> visible(robot, "#home-failed"));
        assertThat(robot.lookup("Marquee is having trouble right now (HTTP 500). Try again in a moment.").tryQuery()).isPresent();
        backend.failCatalogWith(0);
        robot.clickOn("#retry");

        await().atMost(PATIENCE).until(() -> visible(robot, "#rows") && robot.lookup("#row-new").tryQuery().isPresent());
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(HomeViewTest::showing).orElse(false);
    }

    /** Visible itself and in every parent: a node inside a hidden layer is not on screen. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static final class NoNavigation implements HomeViewModel.Navigation {
        @Override
        public void switchProfile() {}

        @Override
        public void signOut() {}

        @Override
        public void sessionExpired() {}
    }
}
