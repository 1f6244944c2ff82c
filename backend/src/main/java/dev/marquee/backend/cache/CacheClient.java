package dev.marquee.backend.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * One named cache seen from one zone. Values are bytes, as on a memcached wire; callers serialise. Never throws for
 * an unavailable replica: a cache that cannot answer is a miss, and a write that cannot land somewhere is skipped
 * there. Thread-safe.
 */
public interface CacheClient {
    Optional<byte[]> get(String key);

    /** Stores the value in L1 and in every zone's replica for {@code ttl}. */
    void put(String key, byte[] value, Duration ttl);

    void delete(String key);
}
