package dev.marquee.backend.edge.fill;

import dev.marquee.backend.edge.TitleDemand;
import java.util.List;

/**
 * What a fill plan is built from, for one region: how many plays each title is expected to get, and how those
 * plays spread over the title's objects (rungs and segments) as measured at the region's edges.
 *
 * @param titles expected demand per title (recent plays, home-row impressions, new releases boosted)
 * @param shares requests per object per play, measured; {@link ObjectShares#NONE} before any measurement
 */
public record FillForecast(List<TitleDemand> titles, ObjectShares shares) {

    public FillForecast {
        titles = List.copyOf(titles);
    }

    /** A forecast of plays alone (nothing measured at the edges yet). */
    public static FillForecast ofTitles(List<TitleDemand> titles) {
        return new FillForecast(titles, ObjectShares.NONE);
    }
}
