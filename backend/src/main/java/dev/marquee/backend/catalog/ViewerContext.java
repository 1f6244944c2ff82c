package dev.marquee.backend.catalog;

/**
 * Who is looking at the catalog, as far as filtering is concerned: today only whether the profile is a kids
 * profile. Controllers receive it as a method argument (resolved by a {@link ViewerContextResolver}); services
 * take it as a parameter, so no module reads request state on its own.
 *
 * @param kids kids profiles see only titles rated {@link MaturityRating#KIDS_MAXIMUM} or less
 */
public record ViewerContext(boolean kids) {

    public static final ViewerContext ADULT = new ViewerContext(false);
    public static final ViewerContext KIDS = new ViewerContext(true);

    /** Whether this viewer may see (and play) a title with that rating. */
    public boolean mayWatch(MaturityRating rating) {
        return !kids || rating.isSuitableForKids();
    }
}
