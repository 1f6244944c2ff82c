package dev.marquee.backend.edge.node;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A size-aware segmented LRU index (SLRU): new entries enter a probation segment; a second access promotes an
 * entry to the protected segment, which holds at most {@link #PROTECTED_SHARE} of the capacity and demotes its
 * least recently used entries back to probation. Eviction takes probation's least recently used first, so a
 * scan of one-off objects cannot flush what viewers keep coming back to. Why SLRU and not plain LRU or
 * W-TinyLFU: docs/decisions/0004-edge-cache-eviction.md.
 *
 * <p>Not thread-safe on its own: the owner serialises calls (one lock; every call is a few pointer moves).
 * It holds no files; the owner deletes what {@link #put} reports as evicted.
 */
final class SegmentedLru<V> {

    /** Share of the capacity reserved for entries seen twice or more: the common SLRU split (80/20). */
    static final double PROTECTED_SHARE = 0.8;

    private final long capacityBytes;
    private final long protectedCapacityBytes;
    private final ToLongFunction<V> sizeOf;
    private final LinkedHashMap<String, V> probation = new LinkedHashMap<>(64, 0.75f, true);
    private final LinkedHashMap<String, V> protectedSegment = new LinkedHashMap<>(64, 0.75f, true);
    private long probationBytes;
    private long protectedBytes;

    SegmentedLru(long capacityBytes, ToLongFunction<V> sizeOf) {
        this.capacityBytes = capacityBytes;
        this.protectedCapacityBytes = (long) (capacityBytes * PROTECTED_SHARE);
        this.sizeOf = sizeOf;
    }

    /** The entry, recorded as an access (promotes from probation), or null. */
    @Nullable V get(String key) {
        V value = protectedSegment.get(key); // access order: moves it to the most recent end
        if (value != null) {
            return value;
        }
        value = probation.remove(key);
        if (value == null) {
            return null;
        }
        long size = sizeOf.applyAsLong(value);
        probationBytes -= size;
        protectedSegment.put(key, value);
        protectedBytes += size;
        demoteProtectedOverflow();
        return value;
    }

    private void demoteProtectedOverflow() {
        while (protectedBytes > protectedCapacityBytes && protectedSegment.size() > 1) {
            Map.Entry<String, V> eldest = protectedSegment.entrySet().iterator().next();
            protectedSegment.remove(eldest.getKey());
            long eldestSize = sizeOf.applyAsLong(eldest.getValue());
            protectedBytes -= eldestSize;
            probation.put(eldest.getKey(), eldest.getValue());
            probationBytes += eldestSize;
        }
    }

    /**
     * Adds (or replaces) an entry on probation and evicts until the total fits the capacity.
     * The new entry is evicted itself only if it alone exceeds the capacity.
     *
     * @return the evicted entries, least valuable first
     */
    List<V> put(String key, V value) {
        return put(key, value, false);
    }

    /**
     * Like {@link #put(String, Object)}, but a {@code planned} entry (filled because the forecast wants it) starts
     * in the protected segment, so the one-off objects of the day's reactive misses churn probation, not the plan.
     */
    List<V> put(String key, V value, boolean planned) {
        remove(key);
        if (planned) {
            protectedSegment.put(key, value);
            protectedBytes += sizeOf.applyAsLong(value);
            demoteProtectedOverflow();
        } else {
            probation.put(key, value);
            probationBytes += sizeOf.applyAsLong(value);
        }
        List<V> evicted = List.of();
        while (probationBytes + protectedBytes > capacityBytes) {
            V victim = evictOne(key);
            if (victim == null) {
                break;
            }
            if (evicted.isEmpty()) {
                evicted = new ArrayList<>(2);
            }
            evicted.add(victim);
        }
        return evicted;
    }

    private @Nullable V evictOne(String newKey) {
        for (LinkedHashMap<String, V> segment : List.of(probation, protectedSegment)) {
            Iterator<Map.Entry<String, V>> it = segment.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, V> e = it.next();
                if (e.getKey().equals(newKey) && probation.size() + protectedSegment.size() > 1) {
                    continue; // keep what was just filled while anything older can go
                }
                it.remove();
                long size = sizeOf.applyAsLong(e.getValue());
                if (segment == probation) {
                    probationBytes -= size;
                } else {
                    protectedBytes -= size;
                }
                return e.getValue();
            }
        }
        return null;
    }

    /** Removes an entry if present; returns it. */
    @Nullable V remove(String key) {
        V value = probation.remove(key);
        if (value != null) {
            probationBytes -= sizeOf.applyAsLong(value);
            return value;
        }
        value = protectedSegment.remove(key);
        if (value != null) {
            protectedBytes -= sizeOf.applyAsLong(value);
        }
        return value;
    }

    long sizeBytes() {
        return probationBytes + protectedBytes;
    }

    int count() {
        return probation.size() + protectedSegment.size();
    }

    Set<String> keys() {
        Set<String> keys = new TreeSet<>(probation.keySet());
        keys.addAll(protectedSegment.keySet());
        return keys;
    }
}
