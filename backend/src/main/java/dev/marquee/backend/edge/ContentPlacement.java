package dev.marquee.backend.edge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which node of an ISP site a title belongs to, when a site has several tier-2 nodes: rendezvous
 * (highest-random-weight) hashing of the title over the site's node ids. Each node holds a different part of the
 * catalogue instead of the same most popular part, fills plan each node's part, and steering sends a title's
 * clients to the node that holds it. Removing a node moves only its own titles (each to the node ranked next for
 * it), adding one takes about 1/n of the titles from the others: Netflix places content in a cluster by consistent
 * hashing for the same stability. Pure and stable across processes (no {@code hashCode} of the JDK's choosing).
 * It does not replicate the most popular titles on several nodes, which Netflix does for load.
 */
public final class ContentPlacement {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ContentPlacement() {}

    /** The node ids ranked for {@code titleId}, the one that holds it first. */
    public static List<String> rank(String titleId, Collection<String> nodeIds) {
        List<String> ranked = new ArrayList<>(nodeIds);
        ranked.sort(Comparator.comparingLong((String node) -> weight(titleId, node)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return ranked;
    }

    /** The node of {@code nodeIds} that holds {@code titleId}. */
    public static String owner(String titleId, Collection<String> nodeIds) {
        if (nodeIds.isEmpty()) {
            throw new IllegalArgumentException("no nodes to place " + titleId + " on");
        }
        return rank(titleId, nodeIds).getFirst();
    }

    /** FNV-1a over "title \n node", then a 64-bit finalizer (splitmix64) so that near keys land far apart. */
    static long weight(String titleId, String nodeId) {
        long h = FNV_OFFSET;
        for (byte b : (titleId + "\n" + nodeId).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
