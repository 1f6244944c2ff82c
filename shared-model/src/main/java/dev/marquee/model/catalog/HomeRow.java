package dev.marquee.model.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of the home screen.
 *
 * @param id        stable id of the row ("new", or "genre:&lt;slug&gt;")
 * @param genreSlug the genre of a genre row, null for other rows
 */
public record HomeRow(String id, String label, @Nullable String genreSlug, List<TitleCard> items) {

    public static final String NEW_ID = "new";
    public static final String NEW_LABEL = "New on Marquee";
    public static final String GENRE_ID_PREFIX = "genre:";
}
