package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleDetail;
import java.time.Duration;

/** The launcher until the playback engine is wired in: refuses every title with a plain explanation. */
public final class UnavailablePlaybackLauncher implements PlaybackLauncher {
    static final String MESSAGE = "Playback is not available yet: this build of the player has no playback engine.";

    @Override
    public PlaybackSession play(TitleDetail title, Duration startAt) {
        throw new PlaybackUnavailableException(MESSAGE);
    }
}
