package dev.marquee.backend.resilience;

/**
 * Protection for calls across instances and modules. Each name gets its own circuit breaker and bulkhead (created
 * on first use with the configured defaults); the order is Fallback(Bulkhead(CircuitBreaker(timeout(call)))), see
 * {@code docs/decisions/0008-decorator-order.md} and 0010. Retries are the caller's business, because a useful retry
 * goes to another instance, i.e. another name. {@link #tryAcquire} never blocks and suits an event loop, which then
 * runs the call, enforces the timeout and reports the outcome itself. Thread-safe.
 */
public interface ProtectedCalls {

    /**
     * Takes the bulkhead's and then the breaker's permission for one attempt under {@code name}, without blocking;
     * see {@link Permit} for what the caller owes afterwards. The breaker and bulkhead are shared by every caller of the name.
     */
    Permit tryAcquire(String name);

    /** False while the named breaker is open: a load balancer skips the target instead of wasting an attempt. */
    boolean isCallPermitted(String name);
}
