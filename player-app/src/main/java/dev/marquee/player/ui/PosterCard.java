package dev.marquee.player.ui;

import java.util.OptionalDouble;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.jspecify.annotations.Nullable;

/**
 * A poster tile: the artwork (or the title in large type while it loads or when there is none), the title
 * below, and a progress bar on Continue Watching tiles. A button, so it takes focus, hover and Enter.
 */
final class PosterCard {
    /** 2:3, the poster shape; six and a half fit across the default window. */
    static final double WIDTH = 160;
    static final double HEIGHT = 240;
    private static final double CORNER = 8;

    private PosterCard() {}

    static Button create(String id, String title, String meta, @Nullable String artworkUrl, OptionalDouble progress,
                         ArtworkImages images, Runnable onOpen) {
        Label placeholder = new Label(title);
        placeholder.getStyleClass().add("poster-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(WIDTH - 20);
        StackPane art = new StackPane(placeholder);
        art.getStyleClass().add("poster-art");
        art.setMinSize(WIDTH, HEIGHT);
        art.setMaxSize(WIDTH, HEIGHT);
        if (artworkUrl != null) {
            Image image = images.get(artworkUrl, WIDTH, HEIGHT);
            ImageView view = new ImageView(image);
            view.setFitWidth(WIDTH);
            view.setFitHeight(HEIGHT);
            view.setPreserveRatio(false);
            Rectangle clip = new Rectangle(WIDTH, HEIGHT);
            clip.setArcWidth(CORNER * 2);
            clip.setArcHeight(CORNER * 2);
            view.setClip(clip);
            // The title stays readable until the picture arrives, and stays if it never does.
            placeholder.visibleProperty().bind(image.progressProperty().lessThan(1).or(image.errorProperty()));
            view.visibleProperty().bind(image.errorProperty().not());
            art.getChildren().add(view);
        }
        if (progress.isPresent()) {
            ProgressBar bar = new ProgressBar(progress.getAsDouble());
            bar.getStyleClass().add("watch-progress");
            bar.setPrefWidth(WIDTH - 16);
            StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
            art.getChildren().add(bar);
        }
        Label name = new Label(title);
        name.getStyleClass().add("poster-title");
        name.setMaxWidth(WIDTH);
        Label sub = new Label(meta);
        sub.getStyleClass().add("muted");
        VBox box = new VBox(6, art, name, sub);
        Button card = new Button();
        card.setGraphic(box);
        card.setId(id);
        card.getStyleClass().add("poster-card");
        card.setOnAction(e -> onOpen.run());
        card.setAccessibleText(title);
        return card;
    }
}
