package dev.marquee.backend.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.topology.internal.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void theSecondWindowAllowsItsBurstThenRefusesWithTheWaitForOneToken() {
        RateLimits limits = new RateLimits(10, 1000, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limits.tryTake("account")).isZero();
        }
        assertThat(limits.tryTake("account")).isEqualTo(Duration.ofMillis(100));

        clock.advance(Duration.ofMillis(100));
        assertThat(limits.tryTake("account")).isZero();
    }

    @Test
    void theMinuteWindowLimitsASteadyRateTheSecondWindowWouldAllow() {
        RateLimits limits = new RateLimits(10, 30, clock);
        int allowed = 0;
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 10; i++) {
                if (limits.tryTake("account").isZero()) {
                    allowed++;
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }
        // 30 at once, then one every 2 s for the 10 s that passed.
        assertThat(allowed).isBetween(30, 35);
        limits.tryTake("account");
        // The per-second bucket is full; the minute bucket is empty and gains one token every 2 s.
        assertThat(limits.tryTake("account")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        RateLimits limits = new RateLimits(1, 60, clock);
        assertThat(limits.tryTake("a")).isZero();
        assertThat(limits.tryTake("a")).isPositive();
        assertThat(limits.tryTake("b")).isZero();
    }
}
