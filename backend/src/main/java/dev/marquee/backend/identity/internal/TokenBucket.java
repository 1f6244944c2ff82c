package dev.marquee.backend.identity.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A classic token bucket: holds up to {@code capacity} tokens, gains one every {@code refillEvery}, and each
 * attempt takes one. Time is passed in, so it is tested with a fake clock. Thread-safe.
 */
final class TokenBucket {
    private final int capacity;
    private final long refillNanos;
    private double tokens;
    private Instant updatedAt;

    TokenBucket(int capacity, Duration refillEvery, Instant now) {
        this.capacity = capacity;
        this.refillNanos = refillEvery.toNanos();
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token and returns {@link Duration#ZERO}, or takes nothing and returns how long until one is there. */
    synchronized Duration tryTake(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
    }

    private void refill(Instant now) {
        if (now.isAfter(updatedAt)) {
            long elapsed = Duration.between(updatedAt, now).toNanos();
            tokens = Math.min(capacity, tokens + (double) elapsed / refillNanos);
            updatedAt = now;
        }
    }

    /** How long an untouched bucket takes to fill up again: after that, forgetting it changes nothing. */
    static Duration timeToFull(int capacity, Duration refillEvery) {
        return refillEvery.multipliedBy(capacity);
    }
}
