package dev.marquee.player.ui;

import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestion;
import dev.marquee.model.search.Suggestions;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.CatalogApi;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Search with typeahead. Typing waits {@link #DEBOUNCE} after the last key before asking for suggestions, and
 * every answer carries the number of the keystroke it answers: an answer to anything but the latest one is
 * dropped, so a slow early answer never overwrites a newer one. Enter asks for the full results.
 * Runs on the FX thread; the calls go to the background executor.
 */
public final class SearchViewModel {
    /** Long enough to skip the keys of a word typed at speed (~100 ms apart), short enough to feel immediate. */
    public static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper showingResults = new ReadOnlyBooleanWrapper(this, "showingResults", false);
    private final ReadOnlyObjectWrapper<LoadState> resultsState = new ReadOnlyObjectWrapper<>(this, "resultsState", LoadState.EMPTY);
    private final ReadOnlyStringWrapper resultsHeading = new ReadOnlyStringWrapper(this, "resultsHeading", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final CatalogApi catalog;
    private final boolean kids;
    private final Scheduler scheduler;
    private final Executor background;
    private final Executor ui;
    private final Consumer<ApiError> onFailure;
    /** Bumped by every keystroke, submit and dismissal: suggestions answering an older number are stale. */
    private long generation;
    /** Bumped by every submit and close: results answering an older number are stale. Typing does not touch it. */
    private long resultsGeneration;
    private Scheduler.@Nullable Cancellable pending;

    public SearchViewModel(CatalogApi catalog, boolean kids, Scheduler scheduler, Executor background, Executor ui,
                           Consumer<ApiError> onFailure) {
        this.catalog = catalog;
        this.kids = kids;
        this.scheduler = scheduler;
        this.background = background;
        this.ui = ui;
        this.onFailure = onFailure;
        query.addListener((obs, old, typed) -> typed(typed));
    }

    private void typed(String typed) {
        long asked = ++generation;
        cancelPending();
        String q = typed.strip();
        if (q.isEmpty()) {
            suggestions.clear();
            return;
        }
        pending = scheduler.schedule(DEBOUNCE, () -> {
            pending = null;
            background.execute(() -> {
                try {
                    Suggestions answer = catalog.suggest(q, kids);
                    ui.execute(() -> {
                        if (asked == generation) {
                            suggestions.setAll(answer.items());
                        }
                    });
                } catch (ApiException e) {
                    // Typeahead is a convenience: a failed suggestion shows nothing; Enter reports the failure.
                    ui.execute(() -> onFailure.accept(e.error()));
                }
            });
        });
    }

    /** Enter in the search field: the full results for what is typed, as a grid. */
    public void submit() {
        String q = query.get().strip();
        generation++;
        long asked = ++resultsGeneration;
        cancelPending();
        suggestions.clear();
        if (q.isEmpty()) {
            return;
        }
        showingResults.set(true);
        resultsHeading.set("Results for “" + q + "”");
        resultsState.set(LoadState.LOADING);
        error.set("");
        results.clear();
        background.execute(() -> {
            try {
                SearchResults answer = catalog.search(q, kids);
                ui.execute(() -> {
                    if (asked == resultsGeneration) {
                        results.setAll(answer.hits());
                        resultsState.set(answer.hits().isEmpty() ? LoadState.EMPTY : LoadState.READY);
                    }
                });
            } catch (ApiException e) {
                ui.execute(() -> {
                    if (asked == resultsGeneration) {
                        error.set(e.error().message());
                        resultsState.set(LoadState.FAILED);
                    }
                    onFailure.accept(e.error());
                });
            }
        });
    }

    /** Esc or a chosen suggestion: hide the suggestions and forget answers still on their way. */
    public void dismissSuggestions() {
        generation++;
        cancelPending();
        suggestions.clear();
    }

    /** Back from the results to the rows; the query is cleared. */
    public void close() {
        resultsGeneration++;
        dismissSuggestions();
        showingResults.set(false);
        results.clear();
        query.set("");
        suggestions.clear();
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** What is shown when the results are empty: honest about the spelling tolerance having been tried. */
    public String noResultsMessage() {
        return "No titles match. Check the spelling or try a title, an actor or a genre.";
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Suggestion> suggestions() {
        return suggestionsView;
    }

    public ObservableList<SearchHit> results() {
        return resultsView;
    }

    public ReadOnlyBooleanProperty showingResultsProperty() {
        return showingResults.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadState> resultsStateProperty() {
        return resultsState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultsHeadingProperty() {
        return resultsHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
