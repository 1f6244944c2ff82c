package dev.marquee.player.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.input.KeyCode;

/**
 * The playback screen's logic, engine-agnostic: turns keys and clicks into {@link PlaybackSession} commands,
 * and the session's polled {@link PlaybackSnapshot} into read-only properties (time, played and buffered
 * fractions, stats). The controls hide {@link #CONTROLS_LINGER} after the last activity while playing.
 * Runs on the FX thread; {@link #refresh()} is called by the view's timer (and by tests directly).
 */
public final class PlaybackViewModel {
    /** A jump of ←/→, as most players do it. */
    public static final Duration SEEK_STEP = Duration.ofSeconds(10);
    /** Controls stay this long after the mouse or a key last moved; long enough to aim at a button. */
    public static final Duration CONTROLS_LINGER = Duration.ofSeconds(3);

    /** What a key or button asks for. */
    public enum Command { TOGGLE_PLAY, TOGGLE_FULLSCREEN, SEEK_BACK, SEEK_FORWARD, TOGGLE_MUTE, EXIT, TOGGLE_STATS }

    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Duration> position = new ReadOnlyObjectWrapper<>(this, "position", Duration.ZERO);
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration", Duration.ZERO);
    private final ReadOnlyDoubleWrapper playedFraction = new ReadOnlyDoubleWrapper(this, "playedFraction");
    private final ReadOnlyObjectWrapper<List<double[]>> bufferedFractions = new ReadOnlyObjectWrapper<>(this, "buffered", List.of());
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "0:00 / 0:00");
    private final ReadOnlyDoubleWrapper volume = new ReadOnlyDoubleWrapper(this, "volume", 1.0);
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyBooleanWrapper fullscreen = new ReadOnlyBooleanWrapper(this, "fullscreen");
    private final ReadOnlyBooleanWrapper statsVisible = new ReadOnlyBooleanWrapper(this, "statsVisible");
    private final ReadOnlyBooleanWrapper controlsVisible = new ReadOnlyBooleanWrapper(this, "controlsVisible", true);
    private final ReadOnlyObjectWrapper<List<String>> rungs = new ReadOnlyObjectWrapper<>(this, "rungs", List.of());
    private final ReadOnlyObjectWrapper<OptionalInt> quality = new ReadOnlyObjectWrapper<>(this, "quality", OptionalInt.empty());
    private final ReadOnlyObjectWrapper<PlaybackStatsView> stats = new ReadOnlyObjectWrapper<>(this, "stats", PlaybackStatsView.EMPTY);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    private final PlaybackSession session;
    private final String title;
    private final InstantSource clock;
    private final Runnable onExit;
    private Instant lastActivity;

    public PlaybackViewModel(PlaybackSession session, String title, InstantSource clock, Runnable onExit) {
        this.session = session;
        this.title = title;
        this.clock = clock;
        this.onExit = onExit;
        this.lastActivity = clock.instant();
    }

    /** The command for a key of the playback screen: Space, F, ←, →, M, Esc, S. */
    public static Optional<Command> commandFor(KeyCode key) {
        return Optional.ofNullable(switch (key) {
            case SPACE, K -> Command.TOGGLE_PLAY;
            case F -> Command.TOGGLE_FULLSCREEN;
            case LEFT -> Command.SEEK_BACK;
            case RIGHT -> Command.SEEK_FORWARD;
            case M -> Command.TOGGLE_MUTE;
            case ESCAPE -> Command.EXIT;
            case S -> Command.TOGGLE_STATS;
            default -> null;
        });
    }

    /** A key press: runs its command if it has one; true when the key was used. */
    public boolean key(KeyCode key) {
        Optional<Command> command = commandFor(key);
        command.ifPresent(this::execute);
        return command.isPresent();
    }

    public void execute(Command command) {
        activity();
        switch (command) {
            case TOGGLE_PLAY -> {
                if (playing.get()) {
                    session.pause();
                } else {
                    session.play();
                }
                playing.set(!playing.get());
            }
            case TOGGLE_FULLSCREEN -> fullscreen.set(!fullscreen.get());
            case SEEK_BACK -> seek(position.get().minus(SEEK_STEP));
            case SEEK_FORWARD -> seek(position.get().plus(SEEK_STEP));
            case TOGGLE_MUTE -> {
                muted.set(!muted.get());
                session.mute(muted.get());
            }
            case EXIT -> {
                if (fullscreen.get()) {
                    fullscreen.set(false); // Esc leaves full screen first, as every player does
                } else {
                    onExit.run();
                }
            }
            case TOGGLE_STATS -> statsVisible.set(!statsVisible.get());
        }
    }

    /** Seek to a fraction (0–1) of the title, from a click on the seek bar. */
    public void seekToFraction(double fraction) {
        activity();
        seek(Duration.ofMillis(Math.round(duration.get().toMillis() * Math.clamp(fraction, 0, 1))));
    }

    private void seek(Duration target) {
        Duration end = duration.get();
        Duration bounded = target.isNegative() ? Duration.ZERO : end.isZero() || target.compareTo(end) < 0 ? target : end;
        session.seek(bounded);
        show(bounded, end);
    }

    public void setVolume(double level) {
        volume.set(Math.clamp(level, 0, 1));
        session.volume(volume.get());
        if (muted.get() && level > 0) {
            muted.set(false);
            session.mute(false);
        }
    }

    /** Auto (empty) or a fixed rung index of {@link #rungsProperty()}. */
    public void setQuality(OptionalInt rung) {
        quality.set(rung);
        session.quality(rung);
    }

    /** The mouse moved or a key was pressed: show the controls again. */
    public void activity() {
        lastActivity = clock.instant();
        controlsVisible.set(true);
    }

    /** Reads the session's state; also hides the controls once they have lingered. */
    public void refresh() {
        PlaybackSnapshot now = session.snapshot();
        playing.set(now.playing());
        show(now.position(), now.duration());
        long total = now.duration().toMillis();
        bufferedFractions.set(total <= 0 ? List.of() : now.buffered().stream()
                .map(r -> new double[] {fraction(r.start().toMillis(), total), fraction(r.end().toMillis(), total)})
                .toList());
        if (!now.rungs().equals(rungs.get())) {
            rungs.set(List.copyOf(now.rungs()));
        }
        stats.set(now.stats());
        failure.set(now.failure() == null ? "" : now.failure());
        boolean idle = Duration.between(lastActivity, clock.instant()).compareTo(CONTROLS_LINGER) >= 0;
        controlsVisible.set(!now.playing() || !idle);
    }

    private void show(Duration at, Duration end) {
        position.set(at);
        duration.set(end);
        playedFraction.set(end.isZero() ? 0 : fraction(at.toMillis(), end.toMillis()));
        time.set(TitleDetailViewModel.clock(at) + " / " + TitleDetailViewModel.clock(end));
    }

    private static double fraction(long part, long total) {
        return Math.clamp((double) part / total, 0, 1);
    }

    /** The label of the quality menu: "Auto" or the fixed rung. */
    public static String qualityLabel(OptionalInt rung, List<String> rungs) {
        return rung.isPresent() && rung.getAsInt() < rungs.size() ? rungs.get(rung.getAsInt()) : "Auto";
    }

    void close() {
        session.close();
    }

    public void exit() {
        onExit.run();
    }

    public String title() {
        return title;
    }

    public PlaybackSession session() {
        return session;
    }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Duration> positionProperty() { return position.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Duration> durationProperty() { return duration.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty playedFractionProperty() { return playedFraction.getReadOnlyProperty(); }

    /** Buffered ranges as {start, end} fractions of the title. */
    public ReadOnlyObjectProperty<List<double[]>> bufferedProperty() { return bufferedFractions.getReadOnlyProperty(); }

    public ReadOnlyStringProperty timeProperty() { return time.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty volumeProperty() { return volume.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty mutedProperty() { return muted.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty fullscreenProperty() { return fullscreen.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty statsVisibleProperty() { return statsVisible.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty controlsVisibleProperty() { return controlsVisible.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<List<String>> rungsProperty() { return rungs.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<OptionalInt> qualityProperty() { return quality.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<PlaybackStatsView> statsProperty() { return stats.getReadOnlyProperty(); }

    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }
}
