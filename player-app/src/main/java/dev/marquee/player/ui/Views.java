package dev.marquee.player.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** Small pieces the player's views share. */
final class Views {
    private Views() {}

    /** The {@code #error} label: shown only while the bound message is not empty, wrapping long sentences. */
    static Label errorLabel(ObservableStringValue message) {
        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(message);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
