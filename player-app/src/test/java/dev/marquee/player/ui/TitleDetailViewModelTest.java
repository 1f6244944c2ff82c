package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.player.api.SampleTitles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class TitleDetailViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private static final TitleDetail STARFALL = SampleTitles.STARFALL; // 6720 s
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final List<String> launched = new ArrayList<>();
    private final List<String> playing = new ArrayList<>();
    private final PlaybackLauncher recording = (title, at) -> {
        launched.add(title.card().title() + " @" + at.toSeconds());
        return new FakePlaybackSession(Duration.ofSeconds(title.card().durationSeconds()), at);
    };

    {
        catalog.titles.addAll(SampleTitles.ALL);
    }

    @Test
    void withoutAPositionThereIsOnlyPlayFromTheStart() {
        TitleDetailViewModel page = page(ResumePositions.NONE, recording);

        assertThat(page.resumeAtProperty().get()).isNull();
        assertThat(page.primaryLabel()).isEqualTo("Play");
        page.playPrimary();

        assertThat(launched).containsExactly("Starfall @0");
        assertThat(playing).containsExactly("Starfall");
    }

    @Test
    void aSavedPositionOffersResumeAndPlayFromStart() {
        TitleDetailViewModel page = page(id -> Optional.of(Duration.ofSeconds(754)), recording);

        assertThat(page.primaryLabel()).isEqualTo("Resume from 12:34");
        page.playPrimary();
        page.playFromStart();

        assertThat(launched).containsExactly("Starfall @754", "Starfall @0");
    }

    @Test
    void positionsInTheFirstSecondsOrTheEndCreditsAreNotWorthResuming() {
        assertThat(TitleDetailViewModel.resumable(Optional.of(Duration.ofSeconds(29)), 6720)).isEmpty();
        assertThat(TitleDetailViewModel.resumable(Optional.of(Duration.ofSeconds(30)), 6720)).hasValue(Duration.ofSeconds(30));
        assertThat(TitleDetailViewModel.resumable(Optional.of(Duration.ofSeconds(6659)), 6720)).isPresent();
        assertThat(TitleDetailViewModel.resumable(Optional.of(Duration.ofSeconds(6660)), 6720)).isEmpty();
    }

    @Test
    void withoutAnEngineThePageSaysPlaybackIsNotAvailable() {
        TitleDetailViewModel page = page(ResumePositions.NONE, new UnavailablePlaybackLauncher());

        page.playPrimary();

        assertThat(page.messageProperty().get()).isEqualTo(UnavailablePlaybackLauncher.MESSAGE);
        assertThat(playing).isEmpty();
    }

    @Test
    void aWithdrawnTitleSaysSoAndCanBeRetried() {
        TitleDetailViewModel page = new TitleDetailViewModel(catalog, false, ResumePositions.NONE, recording, DIRECT, DIRECT,
                (session, title) -> playing.add(title), e -> {});
        page.load(UUID.randomUUID());

        assertThat(page.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(page.errorProperty().get()).isEqualTo("This title is no longer available.");
    }

    @Test
    void summarisesTheLadderHighestFirstWithItsQualityScore() {
        assertThat(TitleDetailViewModel.ladderSummary(STARFALL)).containsExactly(
                "1080p · 1920x1080 · 5.80 Mbit/s · SSIM 0.989",
                "720p · 1280x720 · 3.00 Mbit/s · SSIM 0.981",
                "360p · 640x360 · 0.80 Mbit/s · SSIM 0.962");
        assertThat(TitleDetailViewModel.metaLine(STARFALL)).isEqualTo("2024 · PG-13 · 1 h 52 min");
        assertThat(TitleDetailViewModel.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    @Test
    void saysSecondsForATitleShorterThanAMinute() {
        var c = STARFALL.card();
        var card = new TitleCard(c.id(), c.title(), c.year(), c.maturityRating(), 30,
                c.genres(), c.posterUrl(), c.backdropUrl(), c.artwork());
        var shortTitle = new TitleDetail(card, STARFALL.synopsis(), STARFALL.cast(), STARFALL.publishedAt(),
                STARFALL.masterPlaylistKey(), STARFALL.renditions());

        assertThat(TitleDetailViewModel.metaLine(shortTitle)).isEqualTo("2024 · PG-13 · 30 s");
    }

    private TitleDetailViewModel page(ResumePositions resume, PlaybackLauncher launcher) {
        TitleDetailViewModel page = new TitleDetailViewModel(catalog, false, resume, launcher, DIRECT, DIRECT,
                (session, title) -> playing.add(title), e -> {});
        page.load(STARFALL.card().id());
        return page;
    }
}
