package dev.marquee.model.catalog;

/**
 * A genre with the number of titles the viewer may see in it.
 *
 * @param slug lower-case, hyphenated ({@code science-fiction}); the {@code genre} filter of {@link CatalogPaths#TITLES}
 */
public record GenreView(String slug, String name, int titleCount) {}
