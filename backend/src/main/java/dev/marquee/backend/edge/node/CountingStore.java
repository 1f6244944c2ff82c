package dev.marquee.backend.edge.node;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A cache node's store as its request handler sees it: every lookup of a request is counted in
 * {@link RequestCounts} (hit or miss alike), then answered by the disk cache. The node's own lookups (a plan's
 * prefetch, ranking the plan, a fill checking what landed) go to the cache directly and are not demand.
 */
final class CountingStore implements ObjectStore {

    private final ObjectStore store;
    private final RequestCounts counts;

    CountingStore(ObjectStore store, RequestCounts counts) {
        this.store = store;
        this.counts = counts;
    }

    @Override
    public @Nullable StoredObject find(String key) {
        counts.record(key);
        return store.find(key);
    }

    @Override
    public void forget(StoredObject object) {
        store.forget(object);
    }

    @Override
    public long storedBytes() {
        return store.storedBytes();
    }

    @Override
    public long evictions() {
        return store.evictions();
    }

    @Override
    public Set<String> keys() {
        return store.keys();
    }

    @Override
    public void close() {
        store.close();
    }
}
