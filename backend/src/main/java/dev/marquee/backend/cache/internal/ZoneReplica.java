package dev.marquee.backend.cache.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The L2 replica of one zone, in process: a map with expiry per entry. It can be failed (every call throws, as a
 * memcached node that does not answer) or warming (takes writes, serves no reads, as a new node filling up).
 * Expired entries are dropped when read and swept every {@value #PURGE_EVERY_WRITES} writes.
 */
final class ZoneReplica {
    enum State { UP, WARMING, FAILED }

    /** Thrown when the replica is failed. */
    static final class ReplicaUnavailableException extends RuntimeException {
        ReplicaUnavailableException(String zone) {
            super("cache replica of zone " + zone + " does not answer");
        }
    }

    private record Entry(byte[] value, Instant expiresAt) {}

    /** Writes between sweeps of expired entries: keys written once and never read again must not pile up. */
    static final int PURGE_EVERY_WRITES = 1_024;

    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private final String zone;
    private final InstantSource clock;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile State state = State.UP;

    ZoneReplica(String zone, InstantSource clock) {
        this.zone = zone;
        this.clock = clock;
    }

    String zone() {
        return zone;
    }

    State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    int size() {
        return entries.size();
    }

    boolean servesReads() {
        return state == State.UP;
    }

    /** The value and its remaining time to live. */
    Optional<Hit> get(String key) {
        check();
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), entry.expiresAt());
        if (!left.isPositive()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(new Hit(entry.value(), left));
    }

    record Hit(byte[] value, Duration ttlLeft) {}

    void put(String key, byte[] value, Duration ttl) {
        check();
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
        if (writes.incrementAndGet() % PURGE_EVERY_WRITES == 0) {
            purgeExpired();
        }
    }

    void delete(String key) {
        check();
        entries.remove(key);
    }

    void purgeExpired() {
        Instant now = clock.instant();
        entries.entrySet().removeIf(e -> !e.getValue().expiresAt().isAfter(now));
    }

    private void check() {
        if (state == State.FAILED) {
            throw new ReplicaUnavailableException(zone);
        }
    }
}
