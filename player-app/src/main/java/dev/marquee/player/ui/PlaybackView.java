package dev.marquee.player.ui;

import java.util.List;
import java.util.OptionalInt;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The full-window playback screen: the video letterboxed in black, the controls over it (they fade while
 * playing and nobody moves), the stats overlay on S. Keys go to {@link PlaybackViewModel#key}.
 */
final class PlaybackView {
    /** Four polls a second: the time label and the seek bar move smoothly enough, the engine is not bothered. */
    private static final Duration REFRESH = Duration.millis(250);
    private static final double SEEK_BAR_HEIGHT = 6;

    private final StackPane root = new StackPane();
    private final PlaybackViewModel model;
    private final Timeline poll;

    PlaybackView(PlaybackViewModel model) {
        this.model = model;
        ImageVideoSurface surface = new ImageVideoSurface();
        ImageView video = new ImageView();
        video.setId("video");
        video.imageProperty().bind(surface.imageProperty());
        video.setPreserveRatio(true); // letterbox or pillarbox: never stretch the picture
        video.setSmooth(true);
        video.fitWidthProperty().bind(root.widthProperty());
        video.fitHeightProperty().bind(root.heightProperty());

        Label failure = new Label();
        failure.setId("playback-failure");
        failure.getStyleClass().add("error");
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());

        BorderPane controls = controls();
        controls.visibleProperty().bind(model.controlsVisibleProperty());
        VBox stats = new StatsOverlay(model.statsProperty()).root();
        stats.visibleProperty().bind(model.statsVisibleProperty());
        StackPane.setAlignment(stats, Pos.TOP_LEFT);
        StackPane.setMargin(stats, new Insets(64, 0, 0, 24));

        root.getChildren().addAll(video, failure, controls, stats);
        root.setId("playback");
        root.getStyleClass().add("playback");
        root.setFocusTraversable(true);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (model.key(e.getCode())) {
                e.consume();
            }
        });
        root.addEventFilter(MouseEvent.MOUSE_MOVED, e -> model.activity());
        root.setOnMouseClicked(e -> root.requestFocus());
        model.fullscreenProperty().addListener((obs, was, full) -> {
            if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
                stage.setFullScreenExitHint("");
                stage.setFullScreen(full);
            }
        });

        model.session().attach(surface);
        model.session().play();
        poll = new Timeline(new KeyFrame(REFRESH, e -> model.refresh()));
        poll.setCycleCount(Animation.INDEFINITE);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        model.refresh();
    }

    private BorderPane controls() {
        Button back = new Button("← Back");
        back.setId("playbackBack");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> model.exit());
        Label title = new Label(model.title());
        title.getStyleClass().add("heading");
        HBox top = new HBox(12, back, title);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("playback-top");

        Button playPause = button("playPause", PlaybackViewModel.Command.TOGGLE_PLAY);
        playPause.textProperty().bind(Bindings.when(model.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
        Label time = new Label();
        time.setId("time");
        time.textProperty().bind(model.timeProperty());
        Button mute = button("mute", PlaybackViewModel.Command.TOGGLE_MUTE);
        mute.textProperty().bind(Bindings.when(model.mutedProperty()).then("Unmute").otherwise("Mute"));
        Slider volume = new Slider(0, 1, model.volumeProperty().get());
        volume.setId("volume");
        volume.setPrefWidth(100);
        volume.valueProperty().addListener((obs, old, level) -> model.setVolume(level.doubleValue()));
        MenuButton quality = qualityMenu();
        Button fullscreen = button("fullscreen", PlaybackViewModel.Command.TOGGLE_FULLSCREEN);
        fullscreen.textProperty().bind(Bindings.when(model.fullscreenProperty()).then("Exit full screen").otherwise("Full screen"));
        Button statsButton = button("statsButton", PlaybackViewModel.Command.TOGGLE_STATS);
        statsButton.setText("Stats");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, playPause, time, spacer, mute, volume, quality, statsButton, fullscreen);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(10, seekBar(), buttons);
        bottom.getStyleClass().add("playback-bottom");

        BorderPane controls = new BorderPane();
        controls.setId("playback-controls");
        controls.setTop(top);
        controls.setBottom(bottom);
        controls.setPickOnBounds(false);
        return controls;
    }

    private Button button(String id, PlaybackViewModel.Command command) {
        Button button = new Button();
        button.setId(id);
        button.getStyleClass().add("flat");
        button.setFocusTraversable(false); // Space belongs to play/pause, not to the focused button
        button.setOnAction(e -> model.execute(command));
        return button;
    }

    /** Played (accent), buffered (light) and the rest of the title (dark), on one track; a click seeks. */
    private Pane seekBar() {
        Pane bar = new Pane();
        bar.setId("seek-bar");
        bar.getStyleClass().add("seek-bar");
        bar.setPrefHeight(SEEK_BAR_HEIGHT * 3);
        Rectangle track = new Rectangle(0, SEEK_BAR_HEIGHT, 0, SEEK_BAR_HEIGHT);
        track.getStyleClass().add("seek-track");
        track.widthProperty().bind(bar.widthProperty());
        Pane buffered = new Pane();
        buffered.setMouseTransparent(true);
        Rectangle played = new Rectangle(0, SEEK_BAR_HEIGHT, 0, SEEK_BAR_HEIGHT);
        played.setId("seek-played");
        played.getStyleClass().add("seek-played");
        played.widthProperty().bind(bar.widthProperty().multiply(model.playedFractionProperty()));
        Runnable drawBuffered = () -> buffered.getChildren().setAll(model.bufferedProperty().get().stream().map(range -> {
            Rectangle r = new Rectangle(range[0] * bar.getWidth(), SEEK_BAR_HEIGHT,
                    Math.max(0, (range[1] - range[0]) * bar.getWidth()), SEEK_BAR_HEIGHT);
            r.getStyleClass().add("seek-buffered");
            return r;
        }).toList());
        model.bufferedProperty().addListener((obs, old, ranges) -> drawBuffered.run());
        bar.widthProperty().addListener((obs, old, width) -> drawBuffered.run());
        bar.getChildren().addAll(track, buffered, played);
        bar.setOnMouseClicked(e -> model.seekToFraction(e.getX() / Math.max(1, bar.getWidth())));
        return bar;
    }

    private MenuButton qualityMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("quality");
        menu.setFocusTraversable(false);
        menu.textProperty().bind(Bindings.createStringBinding(
                () -> "Quality: " + PlaybackViewModel.qualityLabel(model.qualityProperty().get(), model.rungsProperty().get()),
                model.qualityProperty(), model.rungsProperty()));
        Runnable fill = () -> {
            ToggleGroup group = new ToggleGroup();
            RadioMenuItem auto = new RadioMenuItem("Auto");
            auto.setToggleGroup(group);
            auto.setSelected(model.qualityProperty().get().isEmpty());
            auto.setOnAction(e -> model.setQuality(OptionalInt.empty()));
            menu.getItems().setAll(auto);
            List<String> rungs = model.rungsProperty().get();
            for (int i = rungs.size() - 1; i >= 0; i--) {
                int rung = i;
                RadioMenuItem item = new RadioMenuItem(rungs.get(i));
                item.setToggleGroup(group);
                item.setSelected(model.qualityProperty().get().equals(OptionalInt.of(i)));
                item.setOnAction(e -> model.setQuality(OptionalInt.of(rung)));
                menu.getItems().add(item);
            }
        };
        model.rungsProperty().addListener((obs, old, rungs) -> fill.run());
        fill.run();
        return menu;
    }

    Parent root() {
        return root;
    }

    void focus() {
        root.requestFocus();
    }
}
