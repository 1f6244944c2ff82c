package dev.marquee.model.catalog;

import dev.marquee.model.ApiPaths;

/**
 * The catalog's HTTP paths. Everything here needs a signed-in account except {@link #ARTWORK}, which is
 * public and cacheable by any shared cache (artwork URLs carry a revision, so a cached copy never goes stale).
 */
public final class CatalogPaths {
    private CatalogPaths() {}

    public static final String CATALOG = ApiPaths.API + "/catalog";
    /** {@code GET ?page=&size=&genre=}: a page of titles, newest first. */
    public static final String TITLES = CATALOG + "/titles";
    /** {@code GET}: one title with its cast, artwork and rendition ladder. */
    public static final String TITLE = TITLES + "/{titleId}";
    public static final String GENRES = CATALOG + "/genres";
    /** {@code GET}: the home screen's rows ("New on Marquee", then one per genre). */
    public static final String ROWS = CATALOG + "/rows";
    /** {@code GET /api/catalog/artwork/{titleId}/{kind}-{variant}.jpg}: public, immutable. */
    public static final String ARTWORK = CATALOG + "/artwork";
    /** Ant pattern for the security configuration's list of public paths. */
    public static final String ARTWORK_PATTERN = ARTWORK + "/**";

    /**
     * Request header saying whether the current profile is a kids profile ({@code true}/{@code false}), until
     * the identity module supplies the profile from the token. A query parameter {@code kids} works the same.
     */
    public static final String PROFILE_KIDS_HEADER = "X-Marquee-Profile-Kids";
}
