package dev.marquee.backend.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.platform.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private final IdentitySettings settings = new IdentitySettings(Duration.ofDays(30), 5, Duration.ofMinutes(15),
            2, Duration.ofSeconds(30), 3, Duration.ofSeconds(5), false);
    private final SignInThrottle throttle = new SignInThrottle(settings, clock);

    @Test
    void limitsOneAccountWhateverTheAddressAndIgnoresCase() {
        throttle.admit("a@x.test", "10.0.0.1");
        throttle.admit("A@X.test", "10.0.0.2");

        assertThatThrownBy(() -> throttle.admit("a@x.test", "10.0.0.3"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThatCode(() -> throttle.admit("b@x.test", "10.0.0.3")).doesNotThrowAnyException();
    }

    @Test
    void limitsOneAddressAcrossAccounts() {
        throttle.admit("a@x.test", "10.0.0.9");
        throttle.admit("b@x.test", "10.0.0.9");
        throttle.admit("c@x.test", "10.0.0.9");

        assertThatThrownBy(() -> throttle.admit("d@x.test", "10.0.0.9")).isInstanceOf(TooManyRequestsException.class);
        now.set(now.get().plusSeconds(5));
        assertThatCode(() -> throttle.admit("d@x.test", "10.0.0.9")).doesNotThrowAnyException();
    }
}
