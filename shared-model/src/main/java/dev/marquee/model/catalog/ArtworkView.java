package dev.marquee.model.catalog;

/**
 * One artwork image of a title.
 *
 * @param kind    "poster" (portrait) or "backdrop" (landscape)
 * @param variant 1, 2, ... (variants of one kind, for personalised artwork)
 * @param url     path on the backend, relative to its base URL; includes the title's revision, so it is immutable
 */
public record ArtworkView(String kind, int variant, int width, int height, String url) {

    public static final String POSTER = "poster";
    public static final String BACKDROP = "backdrop";
}
