package dev.marquee.player.ui;

import dev.marquee.model.search.Suggestion;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * The search field of the top bar and its typeahead list. Enter searches, ↓ moves into the suggestions, Esc
 * closes them (and then the results); a suggestion opens its title on click or Enter.
 */
final class SearchBar {
    /** Wide enough for a long title typed in full. */
    private static final double FIELD_WIDTH = 280;
    private static final double ROW_HEIGHT = 34;

    private final TextField field = new TextField();
    private final ListView<Suggestion> suggestions;

    SearchBar(SearchViewModel model, Consumer<UUID> onOpen) {
        field.setId("search");
        field.setPromptText("Search titles, people, genres   ( / )");
        field.setPrefWidth(FIELD_WIDTH);
        field.textProperty().bindBidirectional(model.queryProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.submit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                if (model.suggestions().isEmpty()) {
                    model.close();
                } else {
                    model.dismissSuggestions();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !model.suggestions().isEmpty()) {
                suggestionsList().requestFocus();
                suggestionsList().getSelectionModel().selectFirst();
                e.consume();
            }
        });

        suggestions = new ListView<>(model.suggestions());
        suggestions.setId("suggestions");
        suggestions.getStyleClass().add("suggestions");
        suggestions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Suggestion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setId(empty || item == null ? null : "suggestion-" + item.titleId());
                setOnMouseClicked(empty || item == null ? null : e -> open(model, onOpen, item));
            }
        });
        suggestions.setOnKeyPressed(e -> {
            Suggestion chosen = suggestions.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                open(model, onOpen, chosen);
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.dismissSuggestions();
                field.requestFocus();
            }
        });
        suggestions.setPrefWidth(FIELD_WIDTH);
        suggestions.setMaxWidth(FIELD_WIDTH);
        suggestions.maxHeightProperty().bind(Bindings.size(model.suggestions()).multiply(ROW_HEIGHT).add(4));
        suggestions.setFixedCellSize(ROW_HEIGHT);
        suggestions.visibleProperty().bind(Bindings.isNotEmpty(model.suggestions()));
        suggestions.translateXProperty().bind(field.layoutXProperty());
    }

    private static void open(SearchViewModel model, Consumer<UUID> onOpen, Suggestion chosen) {
        model.dismissSuggestions();
        onOpen.accept(chosen.titleId());
    }

    private ListView<Suggestion> suggestionsList() {
        return suggestions;
    }

    TextField field() {
        return field;
    }

    ListView<Suggestion> suggestions() {
        return suggestions;
    }

    void focus() {
        field.requestFocus();
        field.selectAll();
    }
}
