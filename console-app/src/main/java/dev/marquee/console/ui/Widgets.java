package dev.marquee.console.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small pieces the section views share: the heading row, the problem and notice lines. */
final class Widgets {
    private Widgets() {}

    /** The section's heading, a sub-line, and on the right "live"/"reconnecting…" when it streams. */
    static HBox heading(String title, String subtitle, ReadOnlyBooleanProperty live) {
        HBox row = heading(title, subtitle);
        Label state = new Label();
        state.setId("live");
        state.textProperty().bind(live.map(up -> up ? "● live" : "○ reconnecting…"));
        live.subscribe(up -> {
            state.getStyleClass().removeAll("live-on", "live-off");
            state.getStyleClass().add(up ? "live-on" : "live-off");
        });
        row.getChildren().add(state);
        return row;
    }

    static HBox heading(String title, String subtitle) {
        Label heading = new Label(title.toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("section-heading");
        Label sub = new Label(subtitle);
        sub.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, heading, sub, gap);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static Label problem(ReadOnlyStringProperty problem) {
        Label label = new Label();
        label.setId("problem");
        label.getStyleClass().add("error");
        label.setWrapText(true);
        label.textProperty().bind(problem);
        label.visibleProperty().bind(problem.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Label notice(ReadOnlyStringProperty notice) {
        Label label = new Label();
        label.setId("notice");
        label.getStyleClass().add("muted");
        label.textProperty().bind(notice);
        label.visibleProperty().bind(notice.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
