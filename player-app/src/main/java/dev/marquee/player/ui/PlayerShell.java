package dev.marquee.player.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/** The player window's content: shows the view for {@link PlayerViewModel#screenProperty()}, one at a time. */
public final class PlayerShell {
    private final StackPane root = new StackPane();
    private final PlayerViewModel model;
    private final String backendUrl;

    public PlayerShell(PlayerViewModel model, String backendUrl) {
        this.model = model;
        this.backendUrl = backendUrl;
        root.setId("player");
        root.getStyleClass().add("app");
        model.screenProperty().addListener((obs, old, screen) -> show(screen));
        show(model.screenProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void show(PlayerViewModel.Screen screen) {
        switch (screen) {
            case SIGN_IN -> {
                SignInView view = new SignInView(model.signIn(), backendUrl);
                root.getChildren().setAll(view.root());
                Platform.runLater(view::focus);
            }
            case PROFILES -> {
                ProfilePickerViewModel picker = model.profilePicker();
                root.getChildren().setAll(new ProfilePickerView(picker, model::signOut).root());
                picker.load();
            }
            case HOME -> {
                HomeViewModel home = model.home();
                root.getChildren().setAll(new HomeView(home).root());
                home.load();
            }
        }
    }
}
