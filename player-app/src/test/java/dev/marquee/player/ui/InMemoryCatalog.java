package dev.marquee.player.ui;

import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.catalog.HomeRows;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestion;
import dev.marquee.model.search.Suggestions;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.CatalogApi;
import dev.marquee.player.api.SampleTitles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A catalog for view-model tests: titles in memory, one "New" row, a settable failure, and a log of calls. */
final class InMemoryCatalog implements CatalogApi {
    final List<TitleDetail> titles = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    @Nullable ApiError nextFailure;

    @Override
    public HomeRows rows(boolean kids) {
        calls.add("rows kids=" + kids);
        failIfAsked();
        List<TitleDetail> visible = visible(kids);
        return new HomeRows(visible.isEmpty() ? List.of()
                : List.of(new HomeRow(HomeRow.NEW_ID, HomeRow.NEW_LABEL, null, visible.stream().map(TitleDetail::card).toList()),
                          new HomeRow("genre:empty", "Nobody's genre", "empty", List.of())));
    }

    @Override
    public TitleDetail title(UUID titleId, boolean kids) {
        calls.add("title " + titleId);
        failIfAsked();
        return visible(kids).stream().filter(t -> t.card().id().equals(titleId)).findFirst()
                .orElseThrow(() -> new ApiException(new ApiError.NotFound(new dev.marquee.model.Problem(null, null, 404, null, null))));
    }

    @Override
    public Suggestions suggest(String query, boolean kids) {
        calls.add("suggest " + query);
        failIfAsked();
        return new Suggestions(query, visible(kids).stream()
                .filter(t -> t.card().title().toLowerCase(Locale.ROOT).startsWith(query.toLowerCase(Locale.ROOT)))
                .map(t -> new Suggestion(t.card().id(), t.card().title(), null)).toList());
    }

    @Override
    public SearchResults search(String query, boolean kids) {
        calls.add("search " + query);
        failIfAsked();
        List<SearchHit> hits = visible(kids).stream()
                .filter(t -> t.card().title().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                .map(t -> new SearchHit(t.card().id(), t.card().title(), t.card().year(), t.card().maturityRating(),
                        t.card().genres(), null, 1f)).toList();
        return new SearchResults(query, hits, hits.size());
    }

    @Override
    public String artworkUrl(String path) {
        return "http://127.0.0.1:9" + path;
    }

    private List<TitleDetail> visible(boolean kids) {
        return titles.stream().filter(t -> !kids || SampleTitles.suitableForKids(t.card())).toList();
    }

    private void failIfAsked() {
        ApiError failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw new ApiException(failure);
        }
    }
}
