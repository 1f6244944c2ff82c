package dev.marquee.backend.catalog;

import java.util.Locale;

/**
 * Maturity ratings on one scale, least to most mature, mixing the US film (MPA) and TV parental guidelines the
 * way a streaming catalog does. The order is what {@link #isAtMost} and kids profiles use.
 */
public enum MaturityRating {
    TV_Y("TV-Y"),
    TV_Y7("TV-Y7"),
    G("G"),
    TV_G("TV-G"),
    PG("PG"),
    TV_PG("TV-PG"),
    PG_13("PG-13"),
    TV_14("TV-14"),
    R("R"),
    NC_17("NC-17"),
    TV_MA("TV-MA"),
    /** Not rated: treated as the most mature, so an unknown label never reaches a child. */
    NR("NR");

    /**
     * The most mature rating a kids profile sees: Netflix's "older kids" tier (7+) ends at TV-PG/PG;
     * PG-13 and TV-14 are teen ratings.
     */
    public static final MaturityRating KIDS_MAXIMUM = TV_PG;

    private final String label;

    MaturityRating(String label) {
        this.label = label;
    }

    /** The label as printed on a title: "TV-Y7", "PG-13". */
    public String label() {
        return label;
    }

    public boolean isSuitableForKids() {
        return isAtMost(KIDS_MAXIMUM);
    }

    public boolean isAtMost(MaturityRating limit) {
        return compareTo(limit) <= 0;
    }

    /**
     * Reads a label leniently (case, spaces, "_" or "-" as separator: "pg13", "TV_MA", " tv-y7 ").
     * Anything unrecognised is {@link #NR}: the catalog keeps the title and keeps it away from kids.
     */
    public static MaturityRating parse(String label) {
        String wanted = normalise(label);
        for (MaturityRating rating : values()) {
            if (normalise(rating.label).equals(wanted)) {
                return rating;
            }
        }
        return NR;
    }

    private static String normalise(String label) {
        return label.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
