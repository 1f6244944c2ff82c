package dev.marquee.backend.resilience;

/** How a protected call ended, in the established words. */
public enum Outcome {
    SUCCESS,
    /** The call itself failed (an exception, or a result the caller declared a failure). */
    FAILURE,
    /** The call took longer than its timeout and was cancelled. */
    TIMEOUT,
    /** The circuit breaker was open: the call was not attempted. */
    SHORT_CIRCUITED,
    /** The bulkhead was full: the call was not attempted. */
    REJECTED,
    /** The call did not succeed and the fallback answered instead. */
    FALLBACK_SUCCESS
}
