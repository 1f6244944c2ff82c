package dev.marquee.backend.edge.internal;

import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeStats;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.model.metrics.EdgeStatsSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every few seconds turns each edge node's counters into an {@link EdgeStatsSample} of what happened since the
 * last sample (hits, misses, bytes), published as an application event; the events module puts it on the edge stats
 * topic, where the metrics stream operators fold it into per-region edge hit ratios. The origin is not sampled: it
 * has no cache. A node whose counters went backwards (it restarted) reports its new counters as the interval's.
 */
@Component
class EdgeStatsPublisher implements SmartLifecycle {
    /** Half the metrics' 10 s window, so every window gets at least one sample from every node. */
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(EdgeStatsPublisher.class);

    private final EdgeManagement edges;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, EdgeNodeStats> last = new HashMap<>();
    private @Nullable Instant lastAt;
    private @Nullable ScheduledExecutorService timer;

    EdgeStatsPublisher(EdgeManagement edges, ApplicationEventPublisher events, Clock clock) {
        this.edges = edges;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes one sample per cache node for the interval since the previous call; the first call only primes. */
    synchronized void sample() {
        Instant now = clock.instant();
        for (EdgeNodeView node : edges.nodes()) {
            if (node.tier() == EdgeTier.ORIGIN) {
                continue;
            }
            EdgeNodeStats current = node.stats();
            EdgeNodeStats previous = last.put(node.id(), current);
            if (previous == null || lastAt == null) {
                continue;
            }
            boolean restarted = current.hits() < previous.hits() || current.misses() < previous.misses()
                    || current.bytesServed() < previous.bytesServed() || current.bytesFilled() < previous.bytesFilled();
            EdgeNodeStats base = restarted ? new EdgeNodeStats(0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0) : previous;
            long hits = current.hits() - base.hits();
            long misses = current.misses() - base.misses();
            long served = current.bytesServed() - base.bytesServed();
            long filled = current.bytesFilled() - base.bytesFilled();
            if (hits + misses + served + filled > 0) {
                events.publishEvent(new EdgeStatsSample(node.id(), node.region(), node.tier().level(), hits, misses,
                        served, filled, lastAt, now));
            }
        }
        lastAt = now;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("edge-stats").factory());
        timer.scheduleAtFixedRate(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                log.warn("edge stats sample failed: {}", e.toString());
            }
        }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
