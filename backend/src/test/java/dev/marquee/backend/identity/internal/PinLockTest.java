package dev.marquee.backend.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PinLockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Test
    void locksOnTheFifthFailureForTheLockoutPeriod() {
        PinLock lock = PinLock.CLEAR;
        for (int i = 0; i < 4; i++) {
            lock = lock.afterFailure(T0, 5, LOCKOUT);
            assertThat(lock.lockedAt(T0)).isFalse();
        }
        assertThat(lock.remaining(5)).isEqualTo(1);

        lock = lock.afterFailure(T0, 5, LOCKOUT);
        assertThat(lock.lockedAt(T0)).isTrue();
        assertThat(lock.lockedAt(T0.plus(LOCKOUT).minusMillis(1))).isTrue();
        assertThat(lock.lockedAt(T0.plus(LOCKOUT))).isFalse();
    }

    @Test
    void countsAfreshOnceALockHasRunOut() {
        PinLock lock = PinLock.CLEAR;
        for (int i = 0; i < 5; i++) {
            lock = lock.afterFailure(T0, 5, LOCKOUT);
        }
        Instant later = T0.plus(LOCKOUT).plusSeconds(1);

        PinLock next = lock.afterFailure(later, 5, LOCKOUT);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.lockedAt(later)).isFalse();
    }
}
