package dev.marquee.backend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TooManyRequestsExceptionTest {

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertThat(TooManyRequestsException.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(TooManyRequestsException.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(TooManyRequestsException.retryAfterSeconds(Duration.ofSeconds(12))).isEqualTo(12);
        assertThat(new TooManyRequestsException("slow down", Duration.ofMillis(1500)).getHeaders().getFirst("Retry-After"))
                .isEqualTo("2");
    }
}
