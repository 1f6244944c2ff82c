package dev.marquee.player.engine;

/**
 * Observes the {@link NetworkingEngine}'s requests for statistics, like OkHttp's {@code EventListener}: every
 * {@link #requestStart} is followed by exactly one {@link #requestEnd} or {@link #requestFailed} for the same
 * attempt. Called on the requesting thread (the streaming engine's); keep it cheap.
 */
public interface NetworkListener {

    NetworkListener NONE = new NetworkListener() { };

    default void requestStart(RequestType type, String url) {
    }

    /** A successful attempt: payload bytes, time from start to last byte, the edge's cache verdict if given. */
    default void requestEnd(RequestType type, String url, long bytes, long durationUs, String cacheStatus) {
    }

    /** A failed attempt (error status, transport error, stall, abandonment). */
    default void requestFailed(RequestType type, String url, Exception cause) {
    }

    /** After a failed attempt, the same request moves from this edge to the next ranked one. */
    default void edgeFailedOver(RequestType type, String baseUrl, Exception cause) {
    }
}
