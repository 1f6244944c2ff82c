package dev.marquee.model.events;

/** What a {@link PlaybackHeartbeat} reports: the session's life cycle plus the periodic PLAYING tick. */
public enum PlaybackEventType {
    /** First frame shown; carries the startup time. */
    START,
    /** Periodic report while the session is alive (playing, paused or buffering). */
    PLAYING,
    /** The buffer ran dry and playback stopped until it refilled. */
    STALL,
    /** The ABR manager switched to another rung. */
    SWITCH,
    /** The viewer stopped or the title ended. */
    END,
    /** Playback failed (licence, network, decoder); the session is over. */
    ERROR
}
