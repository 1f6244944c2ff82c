package dev.marquee.model.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A title as shown in a row, a page or a grid: enough to draw a tile and open the title.
 *
 * @param maturityRating label such as "TV-Y", "PG-13" or "TV-MA"
 * @param posterUrl      first poster variant, if any (see {@link ArtworkView#url()})
 * @param backdropUrl    first backdrop variant, if any
 * @param artwork        every artwork variant
 */
public record TitleCard(
        UUID id,
        String title,
        int year,
        String maturityRating,
        int durationSeconds,
        List<String> genres,
        @Nullable String posterUrl,
        @Nullable String backdropUrl,
        List<ArtworkView> artwork) {}
