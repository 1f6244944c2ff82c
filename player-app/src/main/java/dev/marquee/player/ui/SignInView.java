package dev.marquee.player.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in form: bindings to {@link SignInViewModel} and nothing else. Enter submits. */
public final class SignInView {
    private final StackPane root = new StackPane();
    private final TextField email = new TextField();

    public SignInView(SignInViewModel model, String backendUrl) {
        Label brand = new Label("MARQUEE");
        brand.getStyleClass().add("brand");
        Label heading = new Label("Sign in to watch");
        heading.getStyleClass().add("heading");

        email.setId("email");
        email.setPromptText("Email");
        email.textProperty().bindBidirectional(model.emailProperty());

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.passwordProperty());

        Button signIn = new Button();
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.getStyleClass().add("accent");
        signIn.textProperty().bind(Bindings.when(model.busyProperty()).then("Signing in…").otherwise("Sign in"));
        signIn.disableProperty().bind(model.busyProperty());
        signIn.setOnAction(e -> model.signIn());

        Label error = Views.errorLabel(model.errorProperty());
        error.setMaxWidth(Double.MAX_VALUE); // as wide as the fields above it

        Label backend = new Label("Backend: " + backendUrl);
        backend.getStyleClass().add("muted");

        VBox card = new VBox(12, brand, heading, email, password, signIn, error, backend);
        card.getStyleClass().add("card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setPrefWidth(CARD_WIDTH);
        card.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(card);
        root.setId("sign-in");
    }

    /** Wide enough for a long email address and the unreachable-backend sentence wrapped on three lines. */
    private static final double CARD_WIDTH = 380;

    public Parent root() {
        return root;
    }

    /** Puts the caret in the email field; call once the view is in a scene. */
    public void focus() {
        email.requestFocus();
    }
}
