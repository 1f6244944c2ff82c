package dev.marquee.player.ui;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * One title being played, as the playback screen drives it. The engine's adapter implements it; the screen
 * knows nothing else of the engine. Commands are called on the FX thread and must not block (queue the work);
 * {@link #snapshot()} is polled a few times a second on the FX thread and must be cheap.
 */
public interface PlaybackSession {

    /** Gives the engine the surface to draw into; called once, before {@link #play()}. */
    void attach(VideoSurface surface);

    void play();

    void pause();

    /** Moves the play head; the engine keeps what it has buffered when the position is inside it. */
    void seek(Duration position);

    /** @param level 0 (silent) to 1 (full) */
    void volume(double level);

    void mute(boolean muted);

    /** Fixes the rung with this index in {@link PlaybackSnapshot#rungs()}, or gives control back to ABR when empty. */
    void quality(OptionalInt rung);

    PlaybackSnapshot snapshot();

    /** Stops, releases the decoder and the licence; the session is not used afterwards. */
    void close();
}
