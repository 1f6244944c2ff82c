package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsException;
import dev.marquee.console.api.OpsFailure;
import dev.marquee.console.api.OpsWire;
import dev.marquee.console.api.OpsWire.EncodingJob;
import dev.marquee.console.api.OpsWire.Rung;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Encoding jobs, polled: state, progress and ETA of the latest jobs, and the selected job's ladder with each rung's
 * quality against its target. A backend without the encoding API (404) is said to be so, not shown as empty.
 */
public final class EncodingViewModel implements SectionModel {
    /** Encodes take minutes; progress moves by the second. */
    public static final Duration POLL_PERIOD = Duration.ofSeconds(2);
    /** The API's own default page. */
    public static final int JOBS_SHOWN = 50;
    static final int NOT_FOUND = 404;

    private final ObservableList<EncodingJob> jobs = FXCollections.observableArrayList();
    private final ObservableList<Rung> ladder = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable EncodingJob> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final OpsApi ops;
    private final Ticker ticker;
    private final Executor background;
    private final Executor fx;
    private @Nullable AutoCloseable polling;

    public EncodingViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker) {
        this.ops = ops;
        this.ticker = ticker;
        this.background = background;
        this.fx = fx;
        selected.addListener((obs, was, now) -> ladder.setAll(now == null ? List.of() : now.rungs()));
    }

    @Override
    public void start() {
        if (polling == null) {
            polling = ticker.every(POLL_PERIOD, this::refresh);
        }
    }

    public void refresh() {
        CompletableFuture.supplyAsync(() -> ops.getList(OpsWire.ENCODING_JOBS + "?limit=" + JOBS_SHOWN,
                EncodingJob.class), background).whenCompleteAsync((answer, failure) -> {
                    if (failure == null) {
                        show(answer);
                    } else if (notFound(failure)) {
                        available.set(false);
                        jobs.clear();
                    } else {
                        problem.set(Background.reason(failure));
                    }
                }, fx);
    }

    private void show(List<EncodingJob> answer) {
        available.set(true);
        problem.set("");
        EncodingJob was = selected.get();
        jobs.setAll(answer);
        selected.set(was == null ? (answer.isEmpty() ? null : answer.getFirst())
                : answer.stream().filter(j -> j.id().equals(was.id())).findFirst().orElse(null));
    }

    private static boolean notFound(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof OpsException e && e.failure() instanceof OpsFailure.Refused r
                && r.problem().status() == NOT_FOUND;
    }

    public void cancel(EncodingJob job) {
        CompletableFuture.runAsync(() -> ops.send("DELETE", OpsWire.ENCODING_JOBS + "/" + job.id(), null), background)
                .whenCompleteAsync((done, failure) -> {
                    if (failure != null) {
                        problem.set(Background.reason(failure));
                    }
                    refresh();
                }, fx);
    }

    /** "42 % · ENCODING · ETA 73 s" style. */
    public static String progress(EncodingJob job) {
        return String.format("%.0f %%", job.percent()) + (job.eta() == null || job.state().equals("COMPLETED") ? ""
                : " · ETA " + job.eta().toSeconds() + " s");
    }

    public ObservableList<EncodingJob> jobs() {
        return jobs;
    }

    public ObservableList<Rung> ladder() {
        return ladder;
    }

    public ObjectProperty<@Nullable EncodingJob> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    @Override
    public void close() {
        AutoCloseable running = polling;
        polling = null;
        if (running != null) {
            try {
                running.close();
            } catch (Exception ignored) {
                // A poll that is already stopped.
            }
        }
    }
}
