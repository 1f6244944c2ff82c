package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleCard;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The home screen: a top bar with search, profile and sign-out; rows of posters (or the loading, empty or error
 * state); the search results, the title page and the playback screen as layers above. Bindings only.
 */
public final class HomeView {
    /** Keeps the state sentences to a readable line length. */
    private static final double STATE_TEXT_WIDTH = 520;

    private final StackPane root = new StackPane();
    private final BorderPane main = new BorderPane();
    private final VBox rowsBox = new VBox(28);
    private final StackPane titleLayer = new StackPane();
    private final StackPane playbackLayer = new StackPane();
    private final HomeViewModel model;
    private final ArtworkImages images = new ArtworkImages();
    private final SearchBar searchBar;

    public HomeView(HomeViewModel model) {
        this.model = model;
        Label brand = new Label("MARQUEE");
        brand.getStyleClass().add("brand");
        searchBar = new SearchBar(model.search(), model::openTitle);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label profile = new Label(model.profileName());
        profile.setId("profile-name");
        profile.getStyleClass().add("strong");
        Label kids = new Label("Kids");
        kids.getStyleClass().add("badge");
        kids.setVisible(model.kids());
        kids.setManaged(model.kids());
        Label email = new Label(model.accountEmail());
        email.getStyleClass().add("muted");
        Button switchProfile = new Button("Switch profile");
        switchProfile.setId("switchProfile");
        switchProfile.getStyleClass().add("flat");
        switchProfile.setOnAction(e -> model.switchProfile());
        Button signOut = new Button("Sign out");
        signOut.setId("signOut");
        signOut.setOnAction(e -> model.signOut());
        HBox top = new HBox(16, brand, searchBar.field(), spacer, profile, kids, email, switchProfile, signOut);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("top-bar");

        rowsBox.getStyleClass().add("rows");
        ScrollPane rowsScroll = new ScrollPane(rowsBox);
        rowsScroll.setId("rows");
        rowsScroll.setFitToWidth(true);
        rowsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rowsScroll.getStyleClass().add("bare");
        rowsScroll.visibleProperty().bind(model.stateProperty().isEqualTo(LoadState.READY));
        model.rows().addListener((ListChangeListener<HomeRowModel>) change -> showRows());

        SearchResultsView results = new SearchResultsView(model.search(), images, model::artworkUrl, model::openTitle);
        results.root().visibleProperty().bind(model.search().showingResultsProperty());
        rowsScroll.opacityProperty().bind(Bindings.when(model.search().showingResultsProperty()).then(0).otherwise(1));

        StackPane center = new StackPane(rowsScroll, statePane(), results.root(), searchBar.suggestions());
        StackPane.setAlignment(searchBar.suggestions(), Pos.TOP_LEFT);
        main.setTop(top);
        main.setCenter(center);

        titleLayer.setId("title-layer");
        titleLayer.visibleProperty().bind(model.detailProperty().isNotNull());
        model.detailProperty().addListener((obs, old, page) -> titleLayer.getChildren().setAll(
                page == null ? java.util.List.of() : java.util.List.of(new TitleDetailView(page, images, model::artworkUrl, model::closeTitle).root())));
        playbackLayer.visibleProperty().bind(model.playbackProperty().isNotNull());
        model.playbackProperty().addListener((obs, old, playing) -> showPlayback(playing));

        root.getChildren().addAll(main, titleLayer, playbackLayer);
        root.setId("home");
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        root.addEventFilter(KeyEvent.KEY_TYPED, this::shortcut);
        showRows();
    }

    /**
     * "/" typed anywhere but in a text field, or Ctrl+F, puts the caret in the search field. The slash is taken
     * from the KEY_TYPED event so that the character does not land in the field that just got the focus.
     */
    private void shortcut(KeyEvent e) {
        if (model.playbackProperty().get() != null) {
            return; // the playback screen has its own keys
        }
        boolean slash = e.getEventType() == KeyEvent.KEY_TYPED && "/".equals(e.getCharacter())
                && !(e.getTarget() instanceof TextInputControl);
        boolean ctrlF = e.getEventType() == KeyEvent.KEY_PRESSED && e.isShortcutDown() && e.getCode() == KeyCode.F;
        if (slash || ctrlF) {
            model.closeTitle();
            searchBar.focus();
            e.consume();
        }
    }

    private void showPlayback(PlaybackViewModel playing) {
        if (playing == null) {
            playbackLayer.getChildren().clear();
            return;
        }
        PlaybackView view = new PlaybackView(playing);
        playbackLayer.getChildren().setAll(view.root());
        view.focus();
    }

    private Node statePane() {
        Label heading = new Label();
        heading.getStyleClass().add("title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case LOADING -> "Loading titles…";
            case EMPTY -> model.emptyTitle();
            case FAILED -> "Couldn't load your titles";
            case READY -> "";
        }, model.stateProperty()));
        Label detail = new Label();
        detail.getStyleClass().add("muted");
        detail.setWrapText(true);
        detail.setTextAlignment(TextAlignment.CENTER);
        detail.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case EMPTY -> model.emptyDetail();
            case FAILED -> model.errorProperty().get();
            default -> "";
        }, model.stateProperty(), model.errorProperty()));
        Button retry = new Button("Try again");
        retry.setId("retry");
        retry.getStyleClass().add("accent");
        retry.setOnAction(e -> model.load());
        retry.visibleProperty().bind(model.stateProperty().isEqualTo(LoadState.FAILED));
        retry.managedProperty().bind(retry.visibleProperty());
        VBox pane = new VBox(12, heading, detail, retry);
        pane.setAlignment(Pos.CENTER);
        pane.setMaxWidth(STATE_TEXT_WIDTH);
        pane.idProperty().bind(Bindings.createStringBinding(
                () -> "home-" + model.stateProperty().get().name().toLowerCase(Locale.ROOT), model.stateProperty()));
        pane.visibleProperty().bind(model.stateProperty().isNotEqualTo(LoadState.READY)
                .and(model.search().showingResultsProperty().not()));
        return pane;
    }

    private void showRows() {
        rowsBox.getChildren().setAll(model.rows().stream().map(this::row).toList());
        // Keyboard browsing starts on the first poster, so that "/" and the arrows work at once.
        // After layout: a node that is not yet shown cannot take the focus.
        javafx.application.Platform.runLater(() ->
                rowsBox.lookupAll(".poster-card").stream().findFirst().ifPresent(Node::requestFocus));
    }

    private Node row(HomeRowModel row) {
        Label label = new Label(row.label());
        label.getStyleClass().add("row-label");
        HBox cards = new HBox(14);
        cards.getStyleClass().add("row-cards");
        ScrollPane strip = new ScrollPane(cards);
        strip.getStyleClass().add("bare");
        strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        strip.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        strip.setFitToHeight(true);
        for (HomeRowModel.Tile tile : row.tiles()) {
            TitleCard card = tile.card();
            Button button = PosterCard.create("title-" + card.id(), card.title(),
                    card.year() + " · " + card.maturityRating(),
                    card.posterUrl() == null ? null : model.artworkUrl(card.posterUrl()),
                    tile.progress(), images, () -> model.openTitle(card.id()));
            button.focusedProperty().addListener((obs, was, focused) -> {
                if (focused) {
                    reveal(strip, cards, button);
                }
            });
            cards.getChildren().add(button);
        }
        VBox box = new VBox(10, label, strip);
        box.setId(rowId(row.id()));
        box.getStyleClass().add("home-row");
        return box;
    }

    /** The node id of a row: the backend's id made safe for CSS lookups ("genre:drama" → "row-genre-drama"). */
    static String rowId(String id) {
        return "row-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** Scrolls a row sideways so that the card that took the keyboard focus is fully visible. */
    private static void reveal(ScrollPane strip, HBox cards, Node card) {
        double content = cards.getWidth();
        double viewport = strip.getViewportBounds().getWidth();
        if (content <= viewport) {
            return;
        }
        Bounds b = card.getBoundsInParent();
        double left = strip.getHvalue() * (content - viewport);
        if (b.getMinX() < left) {
            strip.setHvalue(b.getMinX() / (content - viewport));
        } else if (b.getMaxX() > left + viewport) {
            strip.setHvalue((b.getMaxX() - viewport) / (content - viewport));
        }
    }

    public Parent root() {
        return root;
    }
}
