package dev.marquee.backend.edge;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ranks edge base URLs for one client: its ISP's tier-2 nodes that hold the title, then the region's other
 * tier-2 nodes that hold it, then its ISP's other nodes, then the region's other tier-2 nodes, then the region's
 * tier-1 nodes (holders first), then the origin; nodes of one rank in the title's {@link ContentPlacement} order,
 * so that of an ISP site's nodes the one planned to hold the title comes first.
 * Nodes that are DRAINING, DOWN or not listening are left out (the origin is kept as the fallback of last
 * resort unless it is itself down). Pure: the caller passes the node list, so it is testable without servers.
 *
 * <p>In local mode the client declares its region and ISP; at scale they would come from the client's address
 * (an IP-prefix → ISP/region table from BGP announcements, as Open Connect does), not from the client.
 */
public final class EdgeSteering {

    /**
     * How long a client may use a ranking before asking again: long enough to spare the control plane, short
     * enough that a node set DRAINING stops getting new sessions within minutes.
     */
    public static final Duration TTL = Duration.ofMinutes(5);

    private EdgeSteering() {}

    public static List<URI> rank(List<EdgeNodeView> nodes, String region, @Nullable String isp,
                                 @Nullable String titleId) {
        List<EdgeNodeView> candidates = new ArrayList<>();
        EdgeNodeView origin = null;
        for (EdgeNodeView n : nodes) {
            if (n.tier() == EdgeTier.ORIGIN) {
                origin = n;
            } else if (n.acceptsNewClients() && n.region().equals(region)) {
                candidates.add(n);
            }
        }
        // Within a rank, the title's placement order: at an ISP site of several nodes, the one its fill plan gives
        // the title (ContentPlacement) comes first, and if that one is gone, the one that takes its titles over.
        List<String> placement = titleId == null ? List.of()
                : ContentPlacement.rank(titleId, candidates.stream().map(EdgeNodeView::id).toList());
        candidates.sort(Comparator.comparingInt((EdgeNodeView n) -> score(n, isp, titleId))
                .thenComparingInt(n -> placement.indexOf(n.id())).thenComparing(EdgeNodeView::id));
        List<URI> ranked = new ArrayList<>(candidates.size() + 1);
        for (EdgeNodeView n : candidates) {
            ranked.add(n.baseUrl());
        }
        if (origin != null && origin.state() != EdgeAdminState.DOWN && origin.listening()) {
            ranked.add(origin.baseUrl());
        }
        return ranked;
    }

    /** Lower is better. */
    private static int score(EdgeNodeView n, @Nullable String isp, @Nullable String titleId) {
        boolean holds = titleId != null && n.cachedTitles().contains(titleId);
        if (n.tier() == EdgeTier.ISP) {
            boolean sameIsp = isp != null && Objects.equals(n.isp(), isp);
            if (holds) {
                return sameIsp ? 0 : 1; // a holder serves at once, without a fill
            }
            return sameIsp ? 2 : 3;
        }
        return holds ? 4 : 5;
    }
}
