package dev.marquee.player.ui;

import java.time.Duration;

/**
 * Runs a task once after a delay, on the UI thread; what view models use to debounce. The app's is
 * {@link #fx()}; tests use a manual one whose time they advance.
 */
@FunctionalInterface
public interface Scheduler {

    /** Schedules {@code task}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Schedules on the JavaFX application thread with a {@code PauseTransition}; call it from that thread. */
    static Scheduler fx() {
        return (delay, task) -> {
            javafx.animation.PauseTransition pause =
                    new javafx.animation.PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> task.run());
            pause.play();
            return pause::stop;
        };
    }
}
