package dev.marquee.model.playback;

import java.util.List;

/**
 * Where a player fetches playlists and segments from: edge base URLs (scheme, host and port, no path), best first;
 * the origin is last. The player prefixes each base URL to the same signed path. Ask again after {@code ttlSeconds}.
 */
public record SteeringAnswer(List<String> baseUrls, long ttlSeconds) {
    public SteeringAnswer {
        baseUrls = List.copyOf(baseUrls);
    }
}
