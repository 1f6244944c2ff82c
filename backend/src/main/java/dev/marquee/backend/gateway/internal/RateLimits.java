package dev.marquee.backend.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Token buckets per key with two windows: a per-second bucket (burst of {@code perSecond}, refilled at that rate)
 * and a per-minute bucket (burst of {@code perMinute}, refilled over a minute). A request needs a token from both.
 * In memory; keys unused for longer than a full refill are forgotten, since a full bucket needs no memory.
 */
final class RateLimits {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long MINUTE_NANOS = 60 * SECOND_NANOS;

    private final int perSecond;
    private final int perMinute;
    private final InstantSource clock;
    private final Cache<String, Pair> buckets;

    RateLimits(int perSecond, int perMinute, InstantSource clock) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Takes a token for {@code key} and returns zero, or takes nothing and returns how long until one is there. */
    Duration tryTake(String key) {
        long now = nanos();
        Pair pair = buckets.get(key, k -> new Pair(perSecond, perMinute, now));
        return pair.tryTake(now, perSecond, perMinute);
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * SECOND_NANOS + instant.getNano();
    }

    private static final class Pair {
        private double second;
        private double minute;
        private long updatedNanos;

        Pair(int perSecond, int perMinute, long now) {
            this.second = perSecond;
            this.minute = perMinute;
            this.updatedNanos = now;
        }

        synchronized Duration tryTake(long now, int perSecond, int perMinute) {
            if (now > updatedNanos) {
                long elapsed = now - updatedNanos;
                second = Math.min(perSecond, second + (double) elapsed * perSecond / SECOND_NANOS);
                minute = Math.min(perMinute, minute + (double) elapsed * perMinute / MINUTE_NANOS);
                updatedNanos = now;
            }
            if (second >= 1 && minute >= 1) {
                second -= 1;
                minute -= 1;
                return Duration.ZERO;
            }
            long waitSecond = second >= 1 ? 0 : (long) Math.ceil((1 - second) * SECOND_NANOS / perSecond);
            long waitMinute = minute >= 1 ? 0 : (long) Math.ceil((1 - minute) * MINUTE_NANOS / perMinute);
            return Duration.ofNanos(Math.max(waitSecond, waitMinute));
        }
    }
}
