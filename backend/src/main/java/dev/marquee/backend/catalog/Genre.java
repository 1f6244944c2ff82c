package dev.marquee.backend.catalog;

import java.util.Locale;

/**
 * A genre and the number of titles in it that a viewer may see.
 *
 * @param slug stable key derived from the name ({@link #slugOf}); what filters and row ids use
 */
public record Genre(String slug, String name, int titleCount) {

    /** "Science Fiction" → "science-fiction", "Sci-Fi & Fantasy" → "sci-fi-fantasy". */
    public static String slugOf(String name) {
        String slug = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
