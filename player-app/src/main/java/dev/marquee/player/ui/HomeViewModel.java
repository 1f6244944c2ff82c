package dev.marquee.player.ui;

import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.catalog.HomeRows;
import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.CatalogApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The home screen's state for one profile: its rows of titles (loading, empty, failed or ready), the search
 * beside them, the title page that is open and the playback that is running. Fetching happens on the
 * background executor; a kids profile's requests carry the kids flag so the backend filters them.
 */
public final class HomeViewModel {
    static final String EMPTY_TITLE = "No titles yet";
    static final String EMPTY_DETAIL =
            "Nothing has been published to the catalog. Titles appear here once they are encoded and published.";

    private final AccountView account;
    private final ProfileView profile;
    private final CatalogApi catalog;
    private final ResumePositions resume;
    private final PlaybackLauncher launcher;
    private final Executor background;
    private final Executor ui;
    private final Navigation navigation;
    private final SearchViewModel search;
    private final ObservableList<HomeRowModel> rows = FXCollections.observableArrayList();
    private final ObservableList<HomeRowModel> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<@Nullable TitleDetailViewModel> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<@Nullable PlaybackViewModel> playback = new ReadOnlyObjectWrapper<>(this, "playback");

    /** What the home screen asks of the window around it. */
    public interface Navigation {
        void switchProfile();

        void signOut();

        /** The session ended (401 that a refresh could not cure): back to sign-in with a word why. */
        void sessionExpired();
    }

    public HomeViewModel(AccountView account, ProfileView profile, CatalogApi catalog, ResumePositions resume,
                         PlaybackLauncher launcher, Scheduler scheduler, Executor background, Executor ui,
                         Navigation navigation) {
        this.account = account;
        this.profile = profile;
        this.catalog = catalog;
        this.resume = resume;
        this.launcher = launcher;
        this.background = background;
        this.ui = ui;
        this.navigation = navigation;
        this.search = new SearchViewModel(catalog, profile.kids(), scheduler, background, ui, this::failed);
    }

    /** Fetches the rows; also the retry of the error state. */
    public void load() {
        state.set(LoadState.LOADING);
        error.set("");
        boolean kids = profile.kids();
        background.execute(() -> {
            try {
                HomeRows fetched = catalog.rows(kids);
                List<HomeRowModel> built = build(fetched);
                ui.execute(() -> {
                    rows.setAll(built);
                    state.set(built.isEmpty() ? LoadState.EMPTY : LoadState.READY);
                });
            } catch (ApiException e) {
                ui.execute(() -> {
                    rows.clear();
                    error.set(e.error().message());
                    state.set(LoadState.FAILED);
                    failed(e.error());
                });
            }
        });
    }

    /** The backend's rows with a Continue Watching row first when any title has a resume position. */
    private List<HomeRowModel> build(HomeRows fetched) {
        Map<UUID, TitleCard> seen = new LinkedHashMap<>();
        List<HomeRowModel> built = new ArrayList<>();
        for (HomeRow row : fetched.rows()) {
            if (row.items().isEmpty()) {
                continue; // a genre with nothing this profile may see is no row at all
            }
            row.items().forEach(card -> seen.putIfAbsent(card.id(), card));
            built.add(new HomeRowModel(row.id(), row.label(),
                    row.items().stream().map(card -> new HomeRowModel.Tile(card, OptionalDouble.empty())).toList()));
        }
        List<HomeRowModel.Tile> continuing = new ArrayList<>();
        for (TitleCard card : seen.values()) {
            Optional<Duration> at = resume.resumeAt(card.id());
            if (at.isPresent() && card.durationSeconds() > 0) {
                double watched = at.get().toMillis() / (card.durationSeconds() * 1000.0);
                continuing.add(new HomeRowModel.Tile(card, OptionalDouble.of(Math.clamp(watched, 0, 1))));
            }
        }
        if (!continuing.isEmpty()) {
            built.addFirst(new HomeRowModel(HomeRowModel.CONTINUE_ID, HomeRowModel.CONTINUE_LABEL, continuing));
        }
        return built;
    }

    /** A click (or Enter) on a title: opens its page. */
    public void openTitle(UUID titleId) {
        TitleDetailViewModel page = new TitleDetailViewModel(
                catalog, profile.kids(), resume, launcher, background, ui, this::startPlayback, this::failed);
        search.dismissSuggestions();
        detail.set(page);
        page.load(titleId);
    }

    public void closeTitle() {
        detail.set(null);
    }

    private void startPlayback(PlaybackSession session, String title) {
        playback.set(new PlaybackViewModel(session, title, java.time.InstantSource.system(), this::stopPlayback));
    }

    private void stopPlayback() {
        PlaybackViewModel running = playback.get();
        playback.set(null);
        if (running != null) {
            running.close();
        }
    }

    private void failed(ApiError cause) {
        if (cause instanceof ApiError.SessionExpired) {
            navigation.sessionExpired();
        }
    }

    public String profileName() {
        return profile.name();
    }

    public boolean kids() {
        return profile.kids();
    }

    public String accountEmail() {
        return account.email();
    }

    public String artworkUrl(String path) {
        return catalog.artworkUrl(path);
    }

    /** Rows to browse; empty while loading, when the catalog is empty and when loading failed. */
    public ObservableList<HomeRowModel> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable TitleDetailViewModel> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable PlaybackViewModel> playbackProperty() {
        return playback.getReadOnlyProperty();
    }

    public SearchViewModel search() {
        return search;
    }

    public String emptyTitle() {
        return EMPTY_TITLE;
    }

    public String emptyDetail() {
        return profile.kids()
                ? "Nothing suitable for kids has been published yet. Titles rated TV-PG/PG or lower appear here."
                : EMPTY_DETAIL;
    }

    public void switchProfile() {
        stopPlayback();
        navigation.switchProfile();
    }

    public void signOut() {
        stopPlayback();
        navigation.signOut();
    }
}
