package dev.marquee.model.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Everything the player shows about one title, with the ladder summary of what it can stream.
 *
 * @param masterPlaylistKey origin key of the HLS master playlist; the playback service turns it into a URL
 * @param renditions        lowest bitrate first
 */
public record TitleDetail(
        TitleCard card,
        String synopsis,
        List<String> cast,
        Instant publishedAt,
        String masterPlaylistKey,
        List<RenditionView> renditions) {}
