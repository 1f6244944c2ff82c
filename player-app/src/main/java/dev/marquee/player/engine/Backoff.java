package dev.marquee.player.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: attempt {@code n} (0-based) waits a uniform random time in
 * {@code [base·2ⁿ/2, base·2ⁿ]}, capped at {@code max}. It only computes delays; a {@link Sleeper} waits them,
 * so tests inject one that does not sleep.
 */
public final class Backoff {

    /** Waits a delay; the production one sleeps the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;

        Sleeper THREAD = delay -> Thread.sleep(delay);
    }

    /** First retry after about 200 ms: long enough to ride over a connection reset, short against a 2 s segment. */
    public static final Duration DEFAULT_BASE = Duration.ofMillis(200);
    /** Never wait more than 5 s between attempts: the buffer is typically 10–30 s. */
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(5);

    private final long baseMs;
    private final long maxMs;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, was " + base + ", " + max);
        }
        this.baseMs = base.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    public static Backoff defaults() {
        return new Backoff(DEFAULT_BASE, DEFAULT_MAX, RandomGenerator.getDefault());
    }

    /** The delay before retry number {@code attempt} (0 = first retry). */
    public Duration delay(int attempt) {
        long ceiling = Math.min(maxMs, baseMs << Math.min(attempt, 20));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }
}
