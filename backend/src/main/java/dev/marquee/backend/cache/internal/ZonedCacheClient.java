package dev.marquee.backend.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.marquee.backend.cache.CacheClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A named cache from one zone: L1 Caffeine (per-entry TTL) in front of the region's zone replicas. Reads try L1,
 * then the local zone, then the other zones in order (skipping failed and warming replicas); writes go to L1 and
 * to every replica that answers. Counts where each read was answered, for hit ratios.
 */
final class ZonedCacheClient implements CacheClient {
    private final String name;
    private final ZoneReplica local;
    private final List<ZoneReplica> others;
    private final Cache<String, Value> l1;
    final LongAdder l1Hits = new LongAdder();
    final LongAdder localHits = new LongAdder();
    final LongAdder remoteHits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder replicaFailures = new LongAdder();

    private record Value(byte[] bytes, Duration ttl) {}

    ZonedCacheClient(String name, ZoneReplica local, List<ZoneReplica> others, long l1MaxEntries) {
        this.name = name;
        this.local = local;
        this.others = List.copyOf(others);
        this.l1 = Caffeine.newBuilder()
                .maximumSize(l1MaxEntries)
                .expireAfter(Expiry.<String, Value>creating((key, value) -> value.ttl()))
                .build();
    }

    String name() {
        return name;
    }

    String zone() {
        return local.zone();
    }

    @Override
    public Optional<byte[]> get(String key) {
        Value cached = l1.getIfPresent(key);
        if (cached != null) {
            l1Hits.increment();
            return Optional.of(cached.bytes());
        }
        Optional<ZoneReplica.Hit> hit = read(local, key);
        if (hit.isPresent()) {
            localHits.increment();
        } else {
            for (ZoneReplica other : others) {
                hit = read(other, key);
                if (hit.isPresent()) {
                    remoteHits.increment();
                    break;
                }
            }
        }
        if (hit.isEmpty()) {
            misses.increment();
            return Optional.empty();
        }
        l1.put(key, new Value(hit.get().value(), hit.get().ttlLeft()));
        return Optional.of(hit.get().value());
    }

    private Optional<ZoneReplica.Hit> read(ZoneReplica replica, String key) {
        if (replica.state() == ZoneReplica.State.WARMING) {
            return Optional.empty();
        }
        try {
            return replica.get(name + ":" + key);
        } catch (ZoneReplica.ReplicaUnavailableException e) {
            replicaFailures.increment();
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        if (!ttl.isPositive()) {
            throw new IllegalArgumentException("cache " + name + ": ttl must be positive, got " + ttl);
        }
        l1.put(key, new Value(value, ttl));
        write(local, r -> r.put(name + ":" + key, value, ttl));
        others.forEach(o -> write(o, r -> r.put(name + ":" + key, value, ttl)));
    }

    @Override
    public void delete(String key) {
        l1.invalidate(key);
        write(local, r -> r.delete(name + ":" + key));
        others.forEach(o -> write(o, r -> r.delete(name + ":" + key)));
    }

    private void write(ZoneReplica replica, java.util.function.Consumer<ZoneReplica> write) {
        try {
            write.accept(replica);
        } catch (ZoneReplica.ReplicaUnavailableException e) {
            // A failed replica misses this write; it is cold when it comes back, as a restarted memcached node.
            replicaFailures.increment();
        }
    }

    /** Fraction of reads answered from any level; 0 before the first read. */
    double hitRatio() {
        long hits = l1Hits.sum() + localHits.sum() + remoteHits.sum();
        long total = hits + misses.sum();
        return total == 0 ? 0 : (double) hits / total;
    }
}
