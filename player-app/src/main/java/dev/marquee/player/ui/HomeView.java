package dev.marquee.player.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The home frame: a top bar with the profile and sign-out, and the rows of titles (an honest empty state today). */
public final class HomeView {
    private final BorderPane root = new BorderPane();

    public HomeView(HomeViewModel model) {
        Label brand = new Label("MARQUEE");
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label profile = new Label(model.profileName());
        profile.setId("profile-name");
        profile.getStyleClass().add("strong");
        Label email = new Label(model.accountEmail());
        email.getStyleClass().add("muted");
        Button switchProfile = new Button("Switch profile");
        switchProfile.setId("switchProfile");
        switchProfile.getStyleClass().add("flat");
        switchProfile.setOnAction(e -> model.switchProfile());
        Button signOut = new Button("Sign out");
        signOut.setId("signOut");
        signOut.setOnAction(e -> model.signOut());
        HBox top = new HBox(16, brand, spacer, profile, email, switchProfile, signOut);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("top-bar");

        Label emptyTitle = new Label(model.emptyTitle());
        emptyTitle.getStyleClass().add("title");
        Label emptyDetail = new Label(model.emptyDetail());
        emptyDetail.getStyleClass().add("muted");
        emptyDetail.setWrapText(true);
        emptyDetail.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox empty = new VBox(8, emptyTitle, emptyDetail);
        empty.setId("empty-home");
        empty.setAlignment(Pos.CENTER);
        empty.setMaxWidth(EMPTY_TEXT_WIDTH);
        empty.visibleProperty().bind(Bindings.isEmpty(model.rows()));

        root.setTop(top);
        root.setCenter(empty);
        root.setId("home");
    }

    /** Keeps the empty-state sentence to a readable line length. */
    private static final double EMPTY_TEXT_WIDTH = 520;

    public Parent root() {
        return root;
    }
}
