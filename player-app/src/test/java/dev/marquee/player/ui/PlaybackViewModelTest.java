package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.player.ui.PlaybackViewModel.Command;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class PlaybackViewModelTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T20:00:00Z"));
    private final FakePlaybackSession session = new FakePlaybackSession(Duration.ofMinutes(10), Duration.ofSeconds(5));
    private final AtomicInteger exits = new AtomicInteger();
    private final PlaybackViewModel model = new PlaybackViewModel(session, "Starfall", now::get, exits::incrementAndGet);

    @Test
    void mapsThePlayerKeysToTheirCommands() {
        assertThat(PlaybackViewModel.commandFor(KeyCode.SPACE)).hasValue(Command.TOGGLE_PLAY);
        assertThat(PlaybackViewModel.commandFor(KeyCode.F)).hasValue(Command.TOGGLE_FULLSCREEN);
        assertThat(PlaybackViewModel.commandFor(KeyCode.LEFT)).hasValue(Command.SEEK_BACK);
        assertThat(PlaybackViewModel.commandFor(KeyCode.RIGHT)).hasValue(Command.SEEK_FORWARD);
        assertThat(PlaybackViewModel.commandFor(KeyCode.M)).hasValue(Command.TOGGLE_MUTE);
        assertThat(PlaybackViewModel.commandFor(KeyCode.ESCAPE)).hasValue(Command.EXIT);
        assertThat(PlaybackViewModel.commandFor(KeyCode.S)).hasValue(Command.TOGGLE_STATS);
        assertThat(PlaybackViewModel.commandFor(KeyCode.Q)).isEqualTo(Optional.empty());
    }

    @Test
    void spacePausesAndResumesTheSession() {
        session.play();
        model.refresh();

        model.key(KeyCode.SPACE);
        model.key(KeyCode.SPACE);

        assertThat(session.commands).containsExactly("play", "pause", "play");
        assertThat(model.playingProperty().get()).isTrue();
    }

    @Test
    void arrowsSeekTenSecondsWithoutGoingBeforeTheStartOrPastTheEnd() {
        model.refresh(); // at 0:05 of 10:00

        model.key(KeyCode.RIGHT);
        assertThat(model.timeProperty().get()).isEqualTo("0:15 / 10:00");
        model.key(KeyCode.LEFT);
        model.key(KeyCode.LEFT);
        assertThat(model.positionProperty().get()).isEqualTo(Duration.ZERO);
        model.seekToFraction(1.5);

        assertThat(session.commands).containsExactly("seek 15", "seek 5", "seek 0", "seek 600");
        assertThat(model.playedFractionProperty().get()).isEqualTo(1.0);
    }

    @Test
    void escapeLeavesFullScreenFirstAndThenThePlaybackScreen() {
        model.key(KeyCode.F);
        assertThat(model.fullscreenProperty().get()).isTrue();

        model.key(KeyCode.ESCAPE);
        assertThat(model.fullscreenProperty().get()).isFalse();
        assertThat(exits).hasValue(0);

        model.key(KeyCode.ESCAPE);
        assertThat(exits).hasValue(1);
    }

    @Test
    void muteStatsAndQualityGoToTheSession() {
        model.refresh();
        model.key(KeyCode.M);
        model.key(KeyCode.S);
        model.setQuality(OptionalInt.of(0));

        assertThat(model.mutedProperty().get()).isTrue();
        assertThat(model.statsVisibleProperty().get()).isTrue();
        assertThat(session.commands).containsExactly("mute true", "quality 0");
        assertThat(PlaybackViewModel.qualityLabel(model.qualityProperty().get(), model.rungsProperty().get()))
                .isEqualTo("360p · 0.8 Mbit/s");
        assertThat(PlaybackViewModel.qualityLabel(OptionalInt.empty(), model.rungsProperty().get())).isEqualTo("Auto");
    }

    @Test
    void controlsHideWhilePlayingOnceNobodyMovesAndComeBackOnActivity() {
        session.play();
        model.refresh();
        assertThat(model.controlsVisibleProperty().get()).isTrue();

        now.set(now.get().plus(PlaybackViewModel.CONTROLS_LINGER));
        model.refresh();
        assertThat(model.controlsVisibleProperty().get()).isFalse();

        model.activity();
        assertThat(model.controlsVisibleProperty().get()).isTrue();
    }

    @Test
    void pausedControlsStayVisible() {
        now.set(now.get().plus(PlaybackViewModel.CONTROLS_LINGER.multipliedBy(2)));
        model.refresh();

        assertThat(model.controlsVisibleProperty().get()).isTrue();
    }

    @Test
    void bufferedRangesAndStatsFollowTheSession() {
        model.refresh(); // at 5 s, buffered to 29 s of 600 s

        assertThat(model.bufferedProperty().get()).singleElement()
                .satisfies(range -> assertThat(range).containsExactly(0.0, 29.0 / 600));
        assertThat(model.statsProperty().get().edgeNode()).isEqualTo("fake-edge");
        assertThat(model.statsProperty().get().bufferAhead()).isEqualTo(Duration.ofSeconds(24));
    }
}
