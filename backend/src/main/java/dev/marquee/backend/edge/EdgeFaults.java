package dev.marquee.backend.edge;

import java.time.Duration;

/**
 * Failures an edge node produces on its own wire, for fault injection: every request waits {@code latency} before
 * the node handles it, and a share {@code errorRate} of requests is answered 503 without being handled. Nothing
 * else in the code asks about them.
 */
public record EdgeFaults(double errorRate, Duration latency) {
    public static final EdgeFaults NONE = new EdgeFaults(0, Duration.ZERO);

    public EdgeFaults {
        if (errorRate < 0 || errorRate > 1 || latency.isNegative()) {
            throw new IllegalArgumentException("edge faults: errorRate must be within 0..1 and latency not negative");
        }
    }

    public boolean any() {
        return errorRate > 0 || latency.isPositive();
    }
}
