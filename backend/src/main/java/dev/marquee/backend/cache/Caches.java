package dev.marquee.backend.cache;

/** Hands out {@link CacheClient}s; the replicas of a region's zones are shared by every cache of that region. */
public interface Caches {
    /**
     * @param name  the use, e.g. {@code home-parts}; keys of different uses never collide
     * @param zone  the caller's zone: reads go there first
     * @throws IllegalArgumentException for a zone the topology does not declare
     */
    CacheClient cache(String name, String zone);
}
