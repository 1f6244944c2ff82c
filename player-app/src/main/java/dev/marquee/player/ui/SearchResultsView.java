package dev.marquee.player.ui;

import dev.marquee.model.search.SearchHit;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The full results of a search as a grid of posters, with its heading, the no-match and error sentences. */
final class SearchResultsView {
    private final VBox root = new VBox(16);
    private final FlowPane grid = new FlowPane(14, 20);

    SearchResultsView(SearchViewModel model, ArtworkImages images, UnaryOperator<String> artworkUrl, Consumer<UUID> onOpen) {
        Label heading = new Label();
        heading.getStyleClass().add("heading");
        heading.textProperty().bind(model.resultsHeadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("Back to home");
        close.setId("closeSearch");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> model.close());
        HBox top = new HBox(12, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("search-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> switch (model.resultsStateProperty().get()) {
            case LOADING -> "Searching…";
            case EMPTY -> model.noResultsMessage();
            case FAILED -> model.errorProperty().get();
            case READY -> "";
        }, model.resultsStateProperty(), model.errorProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        grid.setId("search-grid");
        model.results().addListener((ListChangeListener<SearchHit>) change -> grid.getChildren().setAll(
                model.results().stream().map(hit -> PosterCard.create("result-" + hit.titleId(), hit.title(),
                        hit.year() + " · " + hit.maturityRating(),
                        hit.posterUrl() == null ? null : artworkUrl.apply(hit.posterUrl()),
                        OptionalDouble.empty(), images, () -> onOpen.accept(hit.titleId()))).toList()));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("bare");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root.getChildren().addAll(top, status, scroll);
        root.setId("search-results");
        root.getStyleClass().addAll("page", "search-results");
    }

    VBox root() {
        return root;
    }
}
