package dev.marquee.player.ui;

import dev.marquee.model.identity.ProfileView;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Who's watching?": one tile per profile, an inline PIN prompt and the lockout message. */
public final class ProfilePickerView {
    private final VBox root = new VBox(24);
    private final FlowPane tiles = new FlowPane(20, 20);
    private final ProfilePickerViewModel model;

    public ProfilePickerView(ProfilePickerViewModel model, Runnable onSignOut) {
        this.model = model;
        Label heading = new Label("Who's watching?");
        heading.getStyleClass().add("title");

        tiles.setId("profiles");
        tiles.setAlignment(Pos.CENTER);
        model.profiles().addListener((ListChangeListener<ProfileView>) change -> showTiles());
        showTiles();

        Label loading = new Label("Loading profiles…");
        loading.getStyleClass().add("muted");
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        Button signOut = new Button("Sign out");
        signOut.setId("signOut");
        signOut.getStyleClass().add("flat");
        signOut.setOnAction(e -> onSignOut.run());

        root.getChildren().addAll(heading, loading, tiles, pinPrompt(), Views.errorLabel(model.errorProperty()), signOut);
        root.setAlignment(Pos.CENTER);
        root.setId("profile-picker");
        root.getStyleClass().add("page");
    }

    public Parent root() {
        return root;
    }

    private void showTiles() {
        tiles.getChildren().setAll(model.profiles().stream().map(this::tile).toList());
    }

    private Button tile(ProfileView profile) {
        Label initial = new Label(profile.name().isEmpty() ? "?" : profile.name().substring(0, 1).toUpperCase(Locale.ROOT));
        initial.getStyleClass().add("avatar");
        Label badge = new Label(profile.locked() ? "Locked" : profile.hasPin() ? "PIN" : profile.kids() ? "Kids" : "");
        badge.getStyleClass().add(profile.locked() ? "badge-danger" : "badge");
        badge.setVisible(!badge.getText().isEmpty());
        VBox face = new VBox(8, initial, badge);
        face.setAlignment(Pos.CENTER);
        Button tile = new Button(profile.name(), face);
        tile.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        tile.setId("profile-" + profile.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        tile.getStyleClass().add("profile-tile");
        tile.setOnAction(e -> model.choose(profile));
        return tile;
    }

    private VBox pinPrompt() {
        Label ask = new Label();
        ask.textProperty().bind(Bindings.createStringBinding(
                () -> model.awaitingPinProperty().get() == null ? ""
                        : "Enter the PIN for " + model.awaitingPinProperty().get().name(),
                model.awaitingPinProperty()));
        PasswordField pin = new PasswordField();
        pin.setId("pin");
        pin.setPromptText("4-digit PIN");
        pin.setPrefColumnCount(6);
        pin.textProperty().bindBidirectional(model.pinProperty());
        Button unlock = new Button("Continue");
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add("accent");
        unlock.setOnAction(e -> model.submitPin());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancelPin());
        HBox row = new HBox(10, pin, unlock, cancel);
        row.setAlignment(Pos.CENTER);
        VBox prompt = new VBox(10, ask, row);
        prompt.setId("pin-prompt");
        prompt.setAlignment(Pos.CENTER);
        prompt.getStyleClass().add("card");
        prompt.setMaxWidth(VBox.USE_PREF_SIZE);
        prompt.visibleProperty().bind(model.awaitingPinProperty().isNotNull());
        prompt.managedProperty().bind(prompt.visibleProperty());
        prompt.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                pin.requestFocus();
            }
        });
        return prompt;
    }
}
