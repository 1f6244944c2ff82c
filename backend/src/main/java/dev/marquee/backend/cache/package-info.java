/**
 * The EVCache role: an in-process L1 (Caffeine) in front of an L2 replicated per zone. Writes go to every zone's
 * replica, reads go to the local zone and fall back to another zone on a miss or a failure; a warming replica takes
 * writes but serves no reads. Everything goes through {@link dev.marquee.backend.cache.CacheClient}, so a
 * memcached-backed L2 can replace the in-process replicas without touching callers.
 */
@ApplicationModule(displayName = "Cache")
@NullMarked
package dev.marquee.backend.cache;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
