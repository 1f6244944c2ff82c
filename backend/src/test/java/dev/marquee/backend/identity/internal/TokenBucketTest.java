package dev.marquee.backend.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void allowsTheBurstThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(10), T0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(T0)).isZero();
        }
        assertThat(bucket.tryTake(T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(bucket.tryTake(T0.plusSeconds(4))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void refillsOneTokenPerPeriodUpToCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(10), T0);
        bucket.tryTake(T0);
        bucket.tryTake(T0);

        assertThat(bucket.tryTake(T0.plusSeconds(10))).isZero();
        assertThat(bucket.tryTake(T0.plusSeconds(10))).isPositive();

        Instant muchLater = T0.plus(Duration.ofHours(1));
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).as("capacity caps the refill").isPositive();
    }

    @Test
    void refusedAttemptsTakeNothing() {
        TokenBucket bucket = new TokenBucket(1, Duration.ofSeconds(10), T0);
        bucket.tryTake(T0);
        for (int i = 0; i < 5; i++) {
            bucket.tryTake(T0.plusSeconds(1));
        }
        assertThat(bucket.tryTake(T0.plusSeconds(10))).isZero();
    }
}
