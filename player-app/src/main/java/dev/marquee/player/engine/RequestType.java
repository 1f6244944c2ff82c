package dev.marquee.player.engine;

/** What a request made by the {@link NetworkingEngine} is for; it picks timeouts and whether edges fail over. */
public enum RequestType {
    /** An HLS master or media playlist. */
    MANIFEST,
    /** A media segment: fetched from the ranked edges, failing over to the next one for the same segment. */
    SEGMENT,
    /** A licence request to the backend. */
    LICENSE,
    /** A content-steering answer (ranked edge base URLs and a TTL). */
    STEERING
}
