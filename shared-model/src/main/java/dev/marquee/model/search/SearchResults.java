package dev.marquee.model.search;

import java.util.List;

/**
 * The answer to a search, best match first.
 *
 * @param totalHits titles that matched, possibly more than {@code hits} holds
 */
public record SearchResults(String query, List<SearchHit> hits, long totalHits) {}
