package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleDetail;
import java.time.Duration;

/**
 * The seam between the screens and the playback engine: "Play" on a title's page calls {@link #play}, and the
 * playback screen shows the session it returns. The engine's {@code Player} plugs in here by adapting itself to
 * {@link PlaybackSession}; until then {@link UnavailablePlaybackLauncher} says that playback is not available.
 * Called on the FX thread; must return quickly (start fetching in the background, report through the session).
 */
@FunctionalInterface
public interface PlaybackLauncher {

    /**
     * Starts playing {@code title} at {@code startAt} (zero for the beginning).
     *
     * @throws PlaybackUnavailableException with a sentence for the viewer when playback cannot start at all
     */
    PlaybackSession play(TitleDetail title, Duration startAt);

    /** Playback could not start; {@link #getMessage()} is shown to the viewer as it is. */
    final class PlaybackUnavailableException extends RuntimeException {
        public PlaybackUnavailableException(String message) {
            super(message);
        }
    }
}
