package dev.marquee.backend.edge;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the control plane knows about one edge node (or the origin) right now.
 *
 * @param isp           the ISP a tier-2 node is embedded in; null for tier 1 and the origin
 * @param baseUrl       where it serves, e.g. {@code http://127.0.0.1:41234}
 * @param listening     whether its listener is open (false when DOWN)
 * @param cachedTitles  title ids of which it holds at least one object
 */
public record EdgeNodeView(
        String id,
        EdgeTier tier,
        String region,
        @Nullable String isp,
        URI baseUrl,
        EdgeAdminState state,
        boolean listening,
        EdgeNodeStats stats,
        Set<String> cachedTitles) {

    /** Whether steering may send new clients here: UP and listening. */
    public boolean acceptsNewClients() {
        return state == EdgeAdminState.UP && listening;
    }
}
