package dev.marquee.player.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the current profile stopped watching each title, for "Continue Watching" and "Resume from …".
 * The app reads them from the backend ({@link BackendResumePositions}: positions come from the playback
 * heartbeats); with {@link #NONE} both features stay hidden rather than showing invented progress.
 * Called from the background executor.
 */
@FunctionalInterface
public interface ResumePositions {

    /** Nothing to resume anywhere. */
    ResumePositions NONE = titleId -> Optional.empty();

    Optional<Duration> resumeAt(UUID titleId);
}
