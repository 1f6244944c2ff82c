package dev.marquee.backend.edge;

/** Where a node sits in the fill hierarchy. */
public enum EdgeTier {
    /** The origin: serves its directory, caches nothing. */
    ORIGIN(0),
    /** Tier 1: at an internet exchange (IXP), fills from the origin. */
    IXP(1),
    /** Tier 2: embedded in an ISP, fills from its region's tier-1 nodes, then the origin. */
    ISP(2);

    private final int level;

    EdgeTier(int level) { this.level = level; }

    public int level() { return level; }
}
