package dev.marquee.backend.edge.node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many times each object was requested at a node since the last {@link #drain()}: the demand an edge sees
 * first-hand (which rungs viewers play, how far into a title they get), read by the fill orchestrator for the
 * forecast. Cheap to bump from every I/O thread. It does not decay or forecast anything; the forecast does.
 */
final class RequestCounts {

    /**
     * Distinct keys counted between two drains at most. The orchestrator drains once a minute, a catalogue has
     * far fewer objects, and only requests that passed the signature check are counted: the bound only keeps an
     * unsigned node from growing without limit under a scan of made-up keys.
     */
    static final int MAX_KEYS = 200_000;

    private final AtomicReference<ConcurrentHashMap<String, LongAdder>> counts =
            new AtomicReference<>(new ConcurrentHashMap<>());

    void record(String key) {
        ConcurrentHashMap<String, LongAdder> now = counts.get();
        LongAdder adder = now.get(key);
        if (adder == null) {
            if (now.size() >= MAX_KEYS) {
                return;
            }
            adder = now.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    /**
     * Requests per key since the last drain, and starts counting afresh. An increment racing with the swap may
     * land in the old map after it was read and be lost: a count, not a ledger.
     */
    Map<String, Long> drain() {
        ConcurrentHashMap<String, LongAdder> old = counts.getAndSet(new ConcurrentHashMap<>());
        Map<String, Long> out = new HashMap<>(old.size() * 2);
        old.forEach((key, adder) -> out.put(key, adder.sum()));
        return out;
    }
}
