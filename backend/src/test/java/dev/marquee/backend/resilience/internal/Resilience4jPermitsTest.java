package dev.marquee.backend.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.resilience.Outcome;
import dev.marquee.backend.resilience.Permit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The non-blocking permits an event loop uses: the same bulkhead, breaker and live state as the blocking calls. */
class Resilience4jPermitsTest {
    private static final int BULKHEAD = 2;
    private static final int MINIMUM_CALLS = 4;

    private final List<Object> events = new ArrayList<>();
    private final Resilience4jCalls calls = new Resilience4jCalls(new ResilienceSettings(50, 100, Duration.ofSeconds(1),
            Duration.ofSeconds(10), MINIMUM_CALLS, Duration.ofSeconds(5), 1, Duration.ofMillis(750), BULKHEAD,
            Duration.ofSeconds(2)), Clock.systemUTC(), events::add);

    @Test
    void rejectsBeyondTheBulkheadAndGivesThePlaceBackWhenACallEnds() {
        Permit first = calls.tryAcquire("instance:a");
        Permit second = calls.tryAcquire("instance:a");

        assertThat(first.refusal()).isNull();
        assertThat(second.refusal()).isNull();
        assertThat(calls.tryAcquire("instance:a").refusal()).isEqualTo(Outcome.REJECTED);
        assertThat(calls.tryAcquire("instance:b").refusal()).as("another name, another bulkhead").isNull();

        first.succeeded(1_000_000);
        assertThat(calls.tryAcquire("instance:a").refusal()).isNull();
        assertThat(view("instance:a").bulkheadRejectedCalls()).isEqualTo(1);
    }

    @Test
    void opensOnFailuresAndShortCircuitsWithoutHoldingTheBulkhead() {
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            Permit permit = calls.tryAcquire("instance:a");
            assertThat(permit.timeout()).isEqualTo(Duration.ofMillis(750));
            permit.failed(2_000_000, Outcome.TIMEOUT, new java.util.concurrent.TimeoutException("no answer"));
        }

        assertThat(view("instance:a").state()).isEqualTo("OPEN");
        assertThat(events).anyMatch(e -> e.toString().contains("OPEN"));
        for (int i = 0; i < BULKHEAD + 1; i++) {
            assertThat(calls.tryAcquire("instance:a").refusal()).isEqualTo(Outcome.SHORT_CIRCUITED);
        }
        assertThat(view("instance:a").bulkheadAvailable()).isEqualTo(BULKHEAD);
        assertThat(view("instance:a").notPermittedCalls()).isEqualTo(BULKHEAD + 1);
        assertThat(calls.isCallPermitted("instance:a")).isFalse();
    }

    @Test
    void reportsAnAttemptOnlyOnce() {
        Permit permit = calls.tryAcquire("instance:a");
        permit.failed(1_000, Outcome.FAILURE, new IllegalStateException("500"));
        permit.succeeded(1_000);

        assertThat(view("instance:a").bufferedCalls()).isEqualTo(1);
        assertThat(view("instance:a").failedCalls()).isEqualTo(1);
        assertThat(view("instance:a").bulkheadAvailable()).isEqualTo(BULKHEAD);
    }

    private Resilience4jCalls.BreakerView view(String name) {
        return calls.views().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
