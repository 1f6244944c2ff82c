package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.Role;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.SampleTitles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class HomeViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final List<String> navigation = new ArrayList<>();
    private final AccountView account = new AccountView(UUID.randomUUID(), "ana@example.test", "Ana", Set.of(Role.VIEWER));

    @Test
    void showsTheBackendRowsAndLeavesOutGenresWithNothingToSee() {
        catalog.titles.addAll(SampleTitles.ALL);
        HomeViewModel home = home(false, ResumePositions.NONE);

        home.load();

        assertThat(home.stateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(home.rows()).extracting(HomeRowModel::label).containsExactly("New on Marquee");
        assertThat(home.rows().getFirst().tiles()).hasSize(SampleTitles.ALL.size())
                .allSatisfy(tile -> assertThat(tile.progress()).isEmpty());
    }

    @Test
    void anEmptyCatalogIsAnHonestEmptyStateNotAnError() {
        HomeViewModel home = home(false, ResumePositions.NONE);

        home.load();

        assertThat(home.stateProperty().get()).isEqualTo(LoadState.EMPTY);
        assertThat(home.rows()).isEmpty();
        assertThat(home.errorProperty().get()).isEmpty();
    }

    @Test
    void aFailingBackendShowsItsReasonAndRetryRecovers() {
        catalog.titles.addAll(SampleTitles.ALL);
        catalog.nextFailure = new ApiError.ServerFailure(503);
        HomeViewModel home = home(false, ResumePositions.NONE);

        home.load();
        assertThat(home.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(home.errorProperty().get()).isEqualTo("Marquee is having trouble right now (HTTP 503). Try again in a moment.");
        assertThat(navigation).isEmpty();

        home.load();
        assertThat(home.stateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(home.errorProperty().get()).isEmpty();
    }

    @Test
    void aKidsProfileAsksForKidsTitlesOnly() {
        catalog.titles.addAll(SampleTitles.ALL);
        HomeViewModel home = home(true, ResumePositions.NONE);

        home.load();

        assertThat(catalog.calls).containsExactly("rows kids=true");
        assertThat(home.rows().getFirst().tiles()).extracting(t -> t.card().maturityRating())
                .containsOnly("TV-Y", "TV-G", "PG");
    }

    @Test
    void continueWatchingComesFirstWithProgressOnlyForTitlesWithAPosition() {
        catalog.titles.addAll(SampleTitles.ALL);
        UUID starfall = SampleTitles.STARFALL.card().id(); // 6720 s long
        HomeViewModel home = home(false, id -> id.equals(starfall) ? Optional.of(Duration.ofSeconds(1680)) : Optional.empty());

        home.load();

        HomeRowModel first = home.rows().getFirst();
        assertThat(first.id()).isEqualTo(HomeRowModel.CONTINUE_ID);
        assertThat(first.label()).isEqualTo("Continue Watching");
        assertThat(first.tiles()).singleElement().satisfies(tile -> {
            assertThat(tile.card().id()).isEqualTo(starfall);
            assertThat(tile.progress()).hasValue(0.25);
        });
        assertThat(home.rows().get(1).label()).isEqualTo("New on Marquee");
    }

    @Test
    void anExpiredSessionAsksToSignInAgain() {
        catalog.nextFailure = new ApiError.SessionExpired();
        HomeViewModel home = home(false, ResumePositions.NONE);

        home.load();

        assertThat(navigation).containsExactly("sessionExpired");
    }

    @Test
    void openingATitleLoadsItsPageAndClosingForgetsIt() {
        catalog.titles.addAll(SampleTitles.ALL);
        HomeViewModel home = home(false, ResumePositions.NONE);

        home.openTitle(SampleTitles.STARFALL.card().id());

        assertThat(home.detailProperty().get()).isNotNull();
        assertThat(home.detailProperty().get().detailProperty().get()).isEqualTo(SampleTitles.STARFALL);
        home.closeTitle();
        assertThat(home.detailProperty().get()).isNull();
    }

    private HomeViewModel home(boolean kids, ResumePositions resume) {
        ProfileView profile = new ProfileView(UUID.randomUUID(), kids ? "Kids" : "Ana", kids, false, false, "a");
        return new HomeViewModel(account, profile, catalog, resume, new UnavailablePlaybackLauncher(), new ManualScheduler(),
                DIRECT, DIRECT, new HomeViewModel.Navigation() {
                    @Override
                    public void switchProfile() {
                        navigation.add("switchProfile");
                    }

                    @Override
                    public void signOut() {
                        navigation.add("signOut");
                    }

                    @Override
                    public void sessionExpired() {
                        navigation.add("sessionExpired");
                    }
                });
    }
}
