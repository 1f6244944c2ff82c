package dev.marquee.player.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void readsRetryAfterInSeconds() {
        assertThat(Failures.retryAfter("42", NOW)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertThat(Failures.retryAfter("Thu, 26 Nov 2026 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void treatsAMissingOrGarbledRetryAfterAsNoWait() {
        assertThat(Failures.retryAfter(null, NOW)).isZero();
        assertThat(Failures.retryAfter("soon", NOW)).isZero();
    }

    @Test
    void neverAsksToWaitZeroSeconds() {
        assertThat(new ApiError.RateLimited(Duration.ZERO).message()).isEqualTo("Too many attempts — try again in 1 s");
    }
}
