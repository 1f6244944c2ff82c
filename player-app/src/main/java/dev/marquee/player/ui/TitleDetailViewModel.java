package dev.marquee.player.ui;

import dev.marquee.model.catalog.RenditionView;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.CatalogApi;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A title's page: loads the title, summarises its ladder and decides between "Play" and "Resume from mm:ss" +
 * "Play from start". Playing goes through the {@link PlaybackLauncher}; its refusal becomes the page's message.
 */
public final class TitleDetailViewModel {
    /** A position this close to the start is not worth resuming: the viewer barely began. */
    static final Duration MIN_RESUME = Duration.ofSeconds(30);
    /** A position this close to the end means the title was finished (credits): start over instead. */
    static final Duration END_MARGIN = Duration.ofSeconds(60);

    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.LOADING);
    private final ReadOnlyObjectWrapper<@Nullable TitleDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<@Nullable Duration> resumeAt = new ReadOnlyObjectWrapper<>(this, "resumeAt");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final CatalogApi catalog;
    private final boolean kids;
    private final ResumePositions resume;
    private final PlaybackLauncher launcher;
    private final Executor background;
    private final Executor ui;
    private final BiConsumer<PlaybackSession, String> onPlaying;
    private final Consumer<ApiError> onFailure;
    private @Nullable UUID titleId;

    public TitleDetailViewModel(CatalogApi catalog, boolean kids, ResumePositions resume, PlaybackLauncher launcher,
                                Executor background, Executor ui, BiConsumer<PlaybackSession, String> onPlaying,
                                Consumer<ApiError> onFailure) {
        this.catalog = catalog;
        this.kids = kids;
        this.resume = resume;
        this.launcher = launcher;
        this.background = background;
        this.ui = ui;
        this.onPlaying = onPlaying;
        this.onFailure = onFailure;
    }

    public void load(UUID id) {
        titleId = id;
        state.set(LoadState.LOADING);
        error.set("");
        background.execute(() -> {
            try {
                TitleDetail fetched = catalog.title(id, kids);
                Duration at = resumable(resume.resumeAt(id), fetched.card().durationSeconds()).orElse(null);
                ui.execute(() -> {
                    detail.set(fetched);
                    resumeAt.set(at);
                    state.set(LoadState.READY);
                });
            } catch (ApiException e) {
                ui.execute(() -> {
                    error.set(e.error().message());
                    state.set(LoadState.FAILED);
                    onFailure.accept(e.error());
                });
            }
        });
    }

    public void retry() {
        if (titleId != null) {
            load(titleId);
        }
    }

    /** The saved position if it is worth offering: past the first seconds and not in the end credits. */
    static Optional<Duration> resumable(Optional<Duration> saved, int durationSeconds) {
        return saved.filter(at -> at.compareTo(MIN_RESUME) >= 0
                && (durationSeconds <= 0 || at.compareTo(Duration.ofSeconds(durationSeconds).minus(END_MARGIN)) < 0));
    }

    /** The main button: "Resume from mm:ss" when there is a position to resume, else "Play". */
    public String primaryLabel() {
        Duration at = resumeAt.get();
        return at == null ? "Play" : "Resume from " + clock(at);
    }

    /** Play or resume, as {@link #primaryLabel()} says. */
    public void playPrimary() {
        Duration at = resumeAt.get();
        start(at == null ? Duration.ZERO : at);
    }

    public void playFromStart() {
        start(Duration.ZERO);
    }

    private void start(Duration at) {
        TitleDetail title = detail.get();
        if (title == null) {
            return;
        }
        message.set("");
        try {
            onPlaying.accept(launcher.play(title, at), title.card().title());
        } catch (PlaybackLauncher.PlaybackUnavailableException e) {
            message.set(e.getMessage());
        }
    }

    /** "2024 · PG-13 · 1 h 52 min"; titles shorter than a minute say their seconds ("30 s"), not "0 min". */
    public static String metaLine(TitleDetail title) {
        int seconds = title.card().durationSeconds();
        int minutes = seconds / 60;
        String length = minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min"
                : minutes > 0 ? minutes + " min" : seconds + " s";
        return title.card().year() + " · " + title.card().maturityRating() + " · " + length;
    }

    /** One line per rung, highest first: "1080p · 1920x1080 · 5.80 Mbit/s · VMAF 94.1". */
    public static List<String> ladderSummary(TitleDetail title) {
        return title.renditions().reversed().stream().map(TitleDetailViewModel::rung).toList();
    }

    static String rung(RenditionView r) {
        // SSIM lives in 0–1 where the third decimal matters; VMAF in 0–100 where one decimal is plenty.
        String score = String.format(Locale.ROOT, r.qualityScore() <= 1 ? "%.3f" : "%.1f", r.qualityScore());
        return String.format(Locale.ROOT, "%dp · %dx%d · %.2f Mbit/s · %s %s",
                r.height(), r.width(), r.height(), r.bitrateBps() / 1e6, r.qualityMetric(), score);
    }

    /** m:ss, or h:mm:ss from an hour up. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable TitleDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable Duration> resumeAtProperty() {
        return resumeAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why playing did not start, e.g. no playback engine yet; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
