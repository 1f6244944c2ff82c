package dev.marquee.backend.resilience;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs calls across instances and modules under protection. Each name gets its own circuit breaker, bulkhead and
 * time limiter (created on first use with the configured defaults). The decorators nest as
 * {@code Fallback(Bulkhead(CircuitBreaker(TimeLimiter(call))))}: see {@code docs/decisions/0008-decorator-order.md}.
 * Retries are the caller's business, because a useful retry goes to another instance, i.e. another name.
 * {@link #call} blocks the calling thread (virtual threads make that cheap); {@link #tryAcquire} never blocks and
 * suits an event loop, which then runs the call, enforces the timeout and reports the outcome itself. Thread-safe.
 */
public interface ProtectedCalls {

    /**
     * Runs the asynchronous call and waits for it at most the timeout.
     *
     * @throws CallFailedException when it failed, timed out, or was short-circuited or rejected
     */
    <T> T call(String name, Supplier<? extends CompletionStage<T>> call);

    /** As {@link #call}, answering with the fallback (given the failure) when the call does not succeed. */
    default <T> Protected<T> call(String name, Supplier<? extends CompletionStage<T>> call, Function<CallFailedException, T> fallback) {
        try {
            return new Protected<>(call(name, call), Outcome.SUCCESS);
        } catch (CallFailedException failed) {
            return new Protected<>(fallback.apply(failed), Outcome.FALLBACK_SUCCESS);
        }
    }

    /**
     * Takes the bulkhead's and then the breaker's permission for one attempt under {@code name}, without blocking;
     * see {@link Permit} for what the caller owes afterwards. Same breaker, bulkhead and events as {@link #call}.
     */
    Permit tryAcquire(String name);

    /** False while the named breaker is open: a load balancer skips the target instead of wasting an attempt. */
    boolean isCallPermitted(String name);
}
