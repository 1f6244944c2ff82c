package dev.marquee.backend.resilience;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a protected call that the caller runs itself, without blocking: the bulkhead's and the circuit
 * breaker's permissions taken up front, the outcome reported when the call ends. Exactly one of {@link #succeeded}
 * or {@link #failed} must follow a granted permit (each gives the bulkhead's place back); a refused permit holds
 * nothing. The caller enforces {@link #timeout()} itself (e.g. with a task on its event loop) and reports
 * {@link Outcome#TIMEOUT}. Not thread-safe: one attempt, one thread at a time.
 */
public interface Permit {

    /** Null when the call may go ahead; {@link Outcome#REJECTED} (bulkhead full) or SHORT_CIRCUITED (breaker open). */
    @Nullable Outcome refusal();

    /** The name's time limit for one call. */
    Duration timeout();

    /** The call succeeded after {@code durationNanos}; the breaker records a success (or a slow call). */
    void succeeded(long durationNanos);

    /** The call failed ({@link Outcome#FAILURE}) or timed out ({@link Outcome#TIMEOUT}); the breaker counts it. */
    void failed(long durationNanos, Outcome outcome, Throwable cause);
}
