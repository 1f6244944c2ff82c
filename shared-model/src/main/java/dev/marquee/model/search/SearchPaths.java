package dev.marquee.model.search;

import dev.marquee.model.ApiPaths;

/** The search module's HTTP paths; both need a signed-in account and honour the kids profile. */
public final class SearchPaths {
    private SearchPaths() {}

    /** {@code GET ?q=&limit=}: full-text search over title, synopsis, cast and genres, tolerant of typos. */
    public static final String SEARCH = ApiPaths.API + "/search";
    /** {@code GET ?q=&limit=}: typeahead, titles whose words start with what was typed. */
    public static final String SUGGEST = SEARCH + "/suggest";

    public static final int DEFAULT_LIMIT = 20;
    /** A result screen shows a few dozen tiles; more is paging nobody does. */
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_SUGGEST_LIMIT = 8;
    /** Longest query accepted, in characters: longer input is a mistake or an attack, not a search. */
    public static final int MAX_QUERY_LENGTH = 200;
}
