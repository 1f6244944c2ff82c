package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.model.identity.WhoAmI;
import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard frame's state: who is signed in, which backend, whether it answers its health check, and which
 * section is open. It polls health while shown; each section's own model fetches that section's data.
 */
public final class DashboardViewModel {
    /** Often enough to notice a stopped backend within seconds, rare enough to be noise-free in its logs. */
    public static final Duration HEALTH_POLL_PERIOD = Duration.ofSeconds(5);

    /** What the last health check found. */
    public enum Connection { CHECKING, CONNECTED, DISCONNECTED }

    private final ReadOnlyObjectWrapper<Connection> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", Connection.CHECKING);
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.REGIONS);
    private final WhoAmI sre;
    private final OpsApi ops;
    private final Executor background;
    private final Executor fx;
    private final Ticker ticker;
    private final Runnable onSignedOut;
    private @Nullable AutoCloseable polling;

    public DashboardViewModel(WhoAmI sre, OpsApi ops, Executor background, Executor fx, Ticker ticker, Runnable onSignedOut) {
        this.sre = sre;
        this.ops = ops;
        this.background = background;
        this.fx = fx;
        this.ticker = ticker;
        this.onSignedOut = onSignedOut;
    }

    /** Starts the health polling; idempotent. */
    public void startMonitoring() {
        if (polling == null) {
            polling = ticker.every(HEALTH_POLL_PERIOD, this::checkHealth);
        }
    }

    /** One health check on the background executor; the result lands on the FX executor. */
    public void checkHealth() {
        background.execute(() -> {
            Connection found = ops.healthy() ? Connection.CONNECTED : Connection.DISCONNECTED;
            fx.execute(() -> connection.set(found));
        });
    }

    /**
     * A new model for a section, not yet started; null for a section that only has its empty state (none now).
     */
    public @Nullable SectionModel modelFor(Section shown) {
        return switch (shown) {
            case REGIONS -> new WorldViewModel(ops, background, fx, ticker);
            case EDGE -> new EdgeViewModel(ops, background, fx, ticker);
            case BREAKERS -> new BreakersViewModel(ops, background, fx);
            case METRICS -> new MetricsViewModel(ops, background, fx, ticker);
            case ENCODING -> new EncodingViewModel(ops, background, fx, ticker);
            case CHAOS -> new ChaosViewModel(ops, background, fx, ticker);
        };
    }

    public void signOut() {
        stopMonitoring();
        background.execute(ops::signOut);
        onSignedOut.run();
    }

    void stopMonitoring() {
        AutoCloseable running = polling;
        polling = null;
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the health poll", e);
            }
        }
    }

    public String email() {
        return sre.email();
    }

    public String backendUrl() {
        return ops.baseUrl();
    }

    /** The banner's sentence while disconnected. */
    public String disconnectedMessage() {
        return "Disconnected: " + ops.baseUrl() + " does not pass its health check. Retrying every "
                + HEALTH_POLL_PERIOD.toSeconds() + " s; start the backend with ./marquee up";
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }
}
