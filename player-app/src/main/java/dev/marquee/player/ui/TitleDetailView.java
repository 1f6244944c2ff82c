package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleDetail;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A title's page over the home screen: the backdrop behind a gradient, the title, its facts, synopsis, cast,
 * the play buttons and the ladder summary. Esc or "Back" closes it.
 */
final class TitleDetailView {
    /** Backdrops are requested at this width; the view scales them to the window. */
    private static final double BACKDROP_WIDTH = 1280;
    private static final double BACKDROP_HEIGHT = 720;
    /** Dimmed enough that white text over its left part stays readable with the shade's help. */
    private static final double BACKDROP_OPACITY = 0.8;
    /** The text column stays a readable measure even in a wide window. */
    private static final double TEXT_WIDTH = 620;

    private final StackPane root = new StackPane();
    private final TitleDetailViewModel model;
    private final ArtworkImages images;
    private final UnaryOperator<String> artworkUrl;
    private final VBox content = new VBox(14);
    private final ImageView backdrop = new ImageView();

    TitleDetailView(TitleDetailViewModel model, ArtworkImages images, UnaryOperator<String> artworkUrl, Runnable onClose) {
        this.model = model;
        this.images = images;
        this.artworkUrl = artworkUrl;
        Button back = new Button("← Back");
        back.setId("closeTitle");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> onClose.run());
        back.setCancelButton(true);

        backdrop.setPreserveRatio(true);
        backdrop.fitWidthProperty().bind(root.widthProperty());
        backdrop.setOpacity(BACKDROP_OPACITY);
        StackPane.setAlignment(backdrop, Pos.TOP_RIGHT);
        Region shade = new Region();
        shade.getStyleClass().add("backdrop-shade");

        content.setMaxWidth(TEXT_WIDTH);
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(new VBox(18, back, content));
        scroll.getStyleClass().add("bare");
        scroll.setFitToWidth(true);
        root.getChildren().addAll(backdrop, shade, scroll);
        root.setId("title-page");
        root.getStyleClass().add("title-page");
        model.stateProperty().addListener((obs, old, state) -> show());
        show();
    }

    private void show() {
        switch (model.stateProperty().get()) {
            case LOADING, EMPTY -> {
                Label loading = new Label("Loading…");
                loading.getStyleClass().add("muted");
                content.getChildren().setAll(loading);
            }
            case FAILED -> {
                Label heading = new Label("Couldn't open this title");
                heading.getStyleClass().add("title");
                Label why = Views.errorLabel(model.errorProperty());
                Button retry = new Button("Try again");
                retry.setId("retryTitle");
                retry.setOnAction(e -> model.retry());
                content.getChildren().setAll(heading, why, retry);
            }
            case READY -> {
                TitleDetail title = model.detailProperty().get();
                if (title != null) {
                    showTitle(title);
                }
            }
        }
    }

    private void showTitle(TitleDetail title) {
        if (title.card().backdropUrl() != null) {
            backdrop.setImage(images.get(artworkUrl.apply(title.card().backdropUrl()), BACKDROP_WIDTH, BACKDROP_HEIGHT));
        }
        Label name = new Label(title.card().title());
        name.setId("detail-title");
        name.getStyleClass().add("hero-title");
        name.setWrapText(true);
        Label meta = new Label(TitleDetailViewModel.metaLine(title));
        meta.setId("detail-meta");
        meta.getStyleClass().add("strong");
        Label genres = new Label(String.join(" · ", title.card().genres()));
        genres.getStyleClass().add("muted");

        Button play = new Button(model.primaryLabel());
        play.setId("play");
        play.getStyleClass().add("accent");
        play.setDefaultButton(true);
        play.setOnAction(e -> model.playPrimary());
        Button fromStart = new Button("Play from start");
        fromStart.setId("playFromStart");
        fromStart.setOnAction(e -> model.playFromStart());
        fromStart.setVisible(model.resumeAtProperty().get() != null);
        fromStart.setManaged(fromStart.isVisible());
        HBox buttons = new HBox(10, play, fromStart);
        Label message = new Label();
        message.setId("play-message");
        message.getStyleClass().add("notice");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());

        Label synopsis = new Label(title.synopsis());
        synopsis.setId("synopsis");
        synopsis.setWrapText(true);
        synopsis.getStyleClass().add("synopsis");
        Label cast = new Label(title.cast().isEmpty() ? "" : "Cast: " + String.join(", ", title.cast()));
        cast.getStyleClass().add("muted");
        cast.setWrapText(true);

        Label ladderHeading = new Label("Available quality");
        ladderHeading.getStyleClass().add("section-label");
        VBox ladder = new VBox(4);
        ladder.setId("ladder");
        if (title.renditions().isEmpty()) {
            Label none = new Label("No renditions published.");
            none.getStyleClass().add("muted");
            ladder.getChildren().add(none);
        }
        for (String rung : TitleDetailViewModel.ladderSummary(title)) {
            Label line = new Label(rung);
            line.getStyleClass().add("ladder-line");
            ladder.getChildren().add(line);
        }
        content.getChildren().setAll(name, meta, genres, buttons, message, synopsis, cast, ladderHeading, ladder);
        play.requestFocus();
    }

    Parent root() {
        return root;
    }
}
