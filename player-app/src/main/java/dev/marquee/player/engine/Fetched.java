package dev.marquee.player.engine;

/**
 * A completed request.
 *
 * @param body         the payload
 * @param url          the URL that answered
 * @param baseUrl      the edge base URL it came from, or {@code null} for absolute URLs
 * @param cacheStatus  the edge's {@code X-Cache} header ({@code HIT}/{@code MISS}), or {@code null}
 * @param edgeNode     the edge's {@code X-Marquee-Node} header, or {@code null}
 * @param durationUs   request sent to last byte, microseconds
 * @param failovers    how many edges failed before this one answered
 */
public record Fetched(byte[] body, String url, String baseUrl, String cacheStatus, String edgeNode, long durationUs,
                      int failovers) {
}
