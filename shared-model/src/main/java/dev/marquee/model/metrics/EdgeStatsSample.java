package dev.marquee.model.metrics;

import java.time.Instant;

/**
 * What one edge node served during one sampling interval (counts are for the interval, not cumulative).
 * Edge nodes publish it as an application event (or append it to the edge-stats topic); the metrics
 * module turns it into hit ratios and bytes served per node, per region and overall.
 *
 * @param nodeId         e.g. {@code edge-t1-ix1}
 * @param region         the region the node is attached to
 * @param tier           1 for internet-exchange nodes, 2 for ISP-embedded ones
 * @param hits           segment requests served from the node's cache
 * @param misses         segment requests that had to fill from the parent or the origin
 * @param bytesServed    bytes sent to players
 * @param bytesFilled    bytes fetched from the parent or the origin
 * @param intervalStart  start of the sampling interval (the node's clock)
 * @param intervalEnd    end of the sampling interval
 */
public record EdgeStatsSample(
        String nodeId,
        String region,
        int tier,
        long hits,
        long misses,
        long bytesServed,
        long bytesFilled,
        Instant intervalStart,
        Instant intervalEnd) {

    public EdgeStatsSample {
        if (hits < 0 || misses < 0 || bytesServed < 0 || bytesFilled < 0) {
            throw new IllegalArgumentException("edge stats counts must not be negative");
        }
    }

    public long requests() {
        return hits + misses;
    }
}
