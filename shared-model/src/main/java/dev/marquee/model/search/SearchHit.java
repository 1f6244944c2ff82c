package dev.marquee.model.search;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One title found by a search.
 *
 * @param posterUrl path of the first poster on the backend (see the catalog's artwork), if the title has one
 * @param score     relevance, only comparable within one answer
 */
public record SearchHit(
        UUID titleId,
        String title,
        int year,
        String maturityRating,
        List<String> genres,
        @Nullable String posterUrl,
        float score) {}
