package dev.marquee.backend.search.internal;

/** Field names of the Lucene index, and their weights in full-text scoring. */
final class SearchFields {
    private SearchFields() {}

    /** Bumped whenever fields or analysis change: an index of another schema is rebuilt at start. */
    static final String SCHEMA_VERSION = "3";
    static final String SCHEMA_KEY = "marquee.search.schema";

    static final String ID = "id";
    static final String TITLE = "title";
    static final String SYNOPSIS = "synopsis";
    static final String CAST = "cast";
    static final String GENRE = "genre";
    /** Every word of every text field, indexed for the spell checker only (no scoring, no positions). */
    static final String SPELLING = "spelling";
    static final String TITLE_WORD_PREFIXES = "title_word_prefixes";
    static final String TITLE_PREFIXES = "title_prefixes";
    /** "1" when a kids profile may see the title, else "0". */
    static final String KIDS = "kids";
    static final String YEAR = "year";
    static final String RATING = "rating";
    static final String POSTER = "poster";
    /** Doc values only: summed into the index's checksum. */
    static final String REVISION = "revision";

    /** A word in the title matters most: people search for titles they know. */
    static final float TITLE_BOOST = 4f;
    /** Then for people they like. */
    static final float CAST_BOOST = 2f;
    static final float GENRE_BOOST = 1.5f;
    static final float SYNOPSIS_BOOST = 1f;
    /** A typo-tolerant match scores below an exact one, so "robot" ranks "Robot" above "Robin". */
    static final float FUZZY_WEIGHT = 0.5f;
    /** Search-as-you-type: the last word may be unfinished, matched as a title word prefix. */
    static final float LAST_WORD_PREFIX_WEIGHT = 0.8f;
    /** Titles starting with what was typed come first among suggestions. */
    static final float TITLE_START_BOOST = 3f;
}
