package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeNodeStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** A node's live counters: striped adders, cheap to bump from every I/O thread. */
final class NodeStats {

    final LongAdder requests = new LongAdder();
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder bytesServed = new LongAdder();
    final LongAdder bytesFilled = new LongAdder();
    final LongAdder fillFailures = new LongAdder();

    private final ObjectStore store;
    private final long capacityBytes;
    private final IntSupplier fillsInFlight;

    NodeStats(ObjectStore store, long capacityBytes, IntSupplier fillsInFlight) {
        this.store = store;
        this.capacityBytes = capacityBytes;
        this.fillsInFlight = fillsInFlight;
    }

    EdgeNodeStats snapshot() {
        long h = hits.sum();
        long m = misses.sum();
        return new EdgeNodeStats(requests.sum(), h, m, bytesServed.sum(), bytesFilled.sum(), store.evictions(),
                h + m == 0 ? 0.0 : (double) h / (h + m), store.storedBytes(), capacityBytes,
                fillsInFlight.getAsInt(), fillFailures.sum());
    }

    /** Registers the counters as meters tagged node/tier/region. */
    void bindTo(MeterRegistry registry, Tags tags) {
        counter(registry, "marquee.edge.requests", "HTTP requests", tags, requests);
        counter(registry, "marquee.edge.hits", "object requests served from disk", tags, hits);
        counter(registry, "marquee.edge.misses", "object requests that needed a fill", tags, misses);
        counter(registry, "marquee.edge.served.bytes", "response body bytes", tags, bytesServed);
        counter(registry, "marquee.edge.filled.bytes", "bytes filled from upstream", tags, bytesFilled);
        counter(registry, "marquee.edge.fill.failures", "fills that failed on every upstream", tags, fillFailures);
        FunctionCounter.builder("marquee.edge.evictions", store, ObjectStore::evictions)
                .description("objects evicted to stay within capacity").tags(tags).register(registry);
        Gauge.builder("marquee.edge.stored.bytes", store, ObjectStore::storedBytes)
                .description("bytes held on disk").baseUnit("bytes").tags(tags).register(registry);
        Gauge.builder("marquee.edge.fills.inflight", fillsInFlight, IntSupplier::getAsInt)
                .description("upstream fills running").tags(tags).register(registry);
        Gauge.builder("marquee.edge.hit.ratio", this, s -> s.snapshot().hitRatio())
                .description("hits / (hits + misses)").tags(tags).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, LongAdder adder) {
        FunctionCounter.builder(name, adder, LongAdder::doubleValue).description(description).tags(tags).register(registry);
    }
}
