package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.Suggestion;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.SampleTitles;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private static final Duration KEY_GAP = Duration.ofMillis(60);
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ManualExecutor network = new ManualExecutor();
    private final SearchViewModel search = new SearchViewModel(catalog, false, scheduler, network, DIRECT, e -> {});

    @BeforeEach
    void publish() {
        catalog.titles.addAll(SampleTitles.ALL);
    }

    @Test
    void asksForSuggestionsOnlyOnceTypingPausesForTheDebounce() {
        for (String typed : new String[] {"s", "st", "sta", "star"}) {
            search.queryProperty().set(typed);
            scheduler.advance(KEY_GAP);
        }
        assertThat(network.size()).isZero();

        scheduler.advance(SearchViewModel.DEBOUNCE);
        network.runAll();

        assertThat(catalog.calls).containsExactly("suggest star");
        assertThat(search.suggestions()).extracting(Suggestion::title).containsExactly("Starfall", "Starlight Express");
    }

    @Test
    void aSlowAnswerToAnEarlierQueryNeverOverwritesTheNewerOne() {
        search.queryProperty().set("s");
        scheduler.advance(SearchViewModel.DEBOUNCE); // "s" goes out and is slow
        search.queryProperty().set("starf");
        scheduler.advance(SearchViewModel.DEBOUNCE); // "starf" goes out

        network.run(1); // "starf" answers first
        network.run(0); // then the stale "s"

        assertThat(catalog.calls).containsExactly("suggest starf", "suggest s");
        assertThat(search.suggestions()).extracting(Suggestion::title).containsExactly("Starfall");
    }

    @Test
    void enterShowsTheResultsAndDropsSuggestionsStillOnTheirWay() {
        search.queryProperty().set("star");
        scheduler.advance(SearchViewModel.DEBOUNCE);

        search.submit();
        network.runAll();

        assertThat(search.showingResultsProperty().get()).isTrue();
        assertThat(search.resultsStateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(search.results()).extracting(SearchHit::title).containsExactly("Starfall", "Starlight Express");
        assertThat(search.resultsHeadingProperty().get()).isEqualTo("Results for “star”");
        assertThat(search.suggestions()).isEmpty();
    }

    @Test
    void clearingTheFieldCancelsThePendingRequestAndEmptiesTheList() {
        search.queryProperty().set("star");
        search.queryProperty().set("");
        scheduler.advance(SearchViewModel.DEBOUNCE);

        assertThat(network.size()).isZero();
        assertThat(scheduler.pending()).isZero();
        assertThat(search.suggestions()).isEmpty();
    }

    @Test
    void aSearchWithNoMatchIsEmptyAndAFailureSaysWhy() {
        search.queryProperty().set("zzz");
        search.submit();
        network.runAll();
        assertThat(search.resultsStateProperty().get()).isEqualTo(LoadState.EMPTY);

        catalog.nextFailure = new ApiError.Unreachable("http://127.0.0.1:8080");
        search.submit();
        network.runAll();

        assertThat(search.resultsStateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(search.errorProperty().get()).startsWith("Can't reach Marquee at http://127.0.0.1:8080");
    }

    @Test
    void closingGoesBackToTheRowsWithAnEmptyField() {
        search.queryProperty().set("star");
        search.submit();
        network.runAll();

        search.close();

        assertThat(search.showingResultsProperty().get()).isFalse();
        assertThat(search.queryProperty().get()).isEmpty();
        assertThat(search.results()).isEmpty();
    }

    @Test
    void typingAgainAfterEnterStillShowsTheResultsOfThatEnter() {
        search.queryProperty().set("star");
        search.submit();
        search.queryProperty().set("starf"); // the viewer refines while the results are on their way

        network.runAll();

        assertThat(search.resultsStateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(search.results()).extracting(SearchHit::title).containsExactly("Starfall", "Starlight Express");
    }

    @Test
    void aSlowEarlierSearchNeverOverwritesTheResultsOfALaterEnter() {
        search.queryProperty().set("star");
        search.submit();
        search.queryProperty().set("night");
        search.submit();

        network.run(1); // "night" answers first
        network.run(0); // then the stale "star"

        assertThat(search.results()).extracting(SearchHit::title).containsExactly("Night Shift");
        assertThat(search.resultsHeadingProperty().get()).isEqualTo("Results for “night”");
    }
}
