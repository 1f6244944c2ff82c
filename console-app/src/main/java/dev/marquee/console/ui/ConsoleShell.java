package dev.marquee.console.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/** The console window's content: sign-in until an SRE is admitted, then the dashboard (polling health). */
public final class ConsoleShell {
    private final StackPane root = new StackPane();
    private final ConsoleViewModel model;
    private final String backendUrl;

    public ConsoleShell(ConsoleViewModel model, String backendUrl) {
        this.model = model;
        this.backendUrl = backendUrl;
        root.setId("console");
        root.getStyleClass().add("app");
        model.sreProperty().addListener((obs, was, now) -> show());
        show();
    }

    public Parent root() {
        return root;
    }

    private void show() {
        if (model.sreProperty().get() == null) {
            SignInView signIn = new SignInView(model.signIn(), backendUrl);
            root.getChildren().setAll(signIn.root());
            Platform.runLater(signIn::focus);
        } else {
            DashboardViewModel dashboard = model.dashboard();
            root.getChildren().setAll(new DashboardView(dashboard).root());
            dashboard.startMonitoring();
        }
    }
}
