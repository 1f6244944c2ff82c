package dev.marquee.player.api;

import dev.marquee.model.catalog.HomeRows;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestions;
import java.util.UUID;

/**
 * What the player's browsing screens ask of the catalog and search services. Every call but
 * {@link #artworkUrl} blocks on the network and throws {@link ApiException}; view models call them from their
 * background executor. {@code kids} is the active profile's kids flag, sent as a hint only: the backend decides
 * from the profile named in the access token (see {@link IdentityApi#selectProfile}) and answers a kids profile
 * only with titles suitable for children.
 */
public interface CatalogApi {

    /** The home screen's rows: "New on Marquee", then one per genre. */
    HomeRows rows(boolean kids);

    /** One title with its cast and ladder; {@link ApiError.NotFound} when it was withdrawn. */
    TitleDetail title(UUID titleId, boolean kids);

    /** Typeahead for what has been typed so far. */
    Suggestions suggest(String query, boolean kids);

    /** Full-text search, tolerant of typos. */
    SearchResults search(String query, boolean kids);

    /** The absolute address of an artwork path as the catalog gives it; artwork is public and needs no token. */
    String artworkUrl(String path);
}
