package dev.marquee.backend.identity.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The PIN failure state of a profile and its rules: {@code maxFailures} wrong PINs in a row lock the profile
 * for {@code lockout}; a right PIN resets the count; when a lock has run out the count starts again.
 * Pure: the caller stores the result.
 *
 * @param failures    wrong PINs since the last right one (or since the last lock ran out)
 * @param lockedUntil end of the current lock, if any
 */
record PinLock(int failures, @Nullable Instant lockedUntil) {

    static final PinLock CLEAR = new PinLock(0, null);

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    PinLock afterFailure(Instant now, int maxFailures, Duration lockout) {
        int previous = lockedUntil != null && !lockedAt(now) ? 0 : failures;
        int count = previous + 1;
        return count >= maxFailures ? new PinLock(count, now.plus(lockout)) : new PinLock(count, null);
    }

    /** Failures left before the profile locks. */
    int remaining(int maxFailures) {
        return Math.max(0, maxFailures - failures);
    }
}
