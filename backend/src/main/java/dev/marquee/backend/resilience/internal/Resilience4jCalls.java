package dev.marquee.backend.resilience.internal;

import dev.marquee.backend.resilience.BreakerTransitioned;
import dev.marquee.backend.resilience.Outcome;
import dev.marquee.backend.resilience.Permit;
import dev.marquee.backend.resilience.ProtectedCalls;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * {@link ProtectedCalls} on resilience4j's registries: the bulkhead and breaker used through their permission
 * primitives, so that a caller on an event loop runs the call and enforces the timeout itself.
 * It also remembers each breaker's last transitions and counts bulkhead rejections, for the live state.
 */
final class Resilience4jCalls implements ProtectedCalls {
    /** Transitions kept per breaker for the ops API: enough to see flapping, bounded in memory. */
    static final int TRANSITIONS_KEPT = 10;

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final Clock clock;
    /** Each attempt's time limit, enforced by the caller that holds the permit. */
    private final Duration timeout;
    private final Map<String, Deque<BreakerTransitioned>> transitions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> bulkheadRejections = new ConcurrentHashMap<>();
    private final Map<String, Named> byName = new ConcurrentHashMap<>();
    private final List<Consumer<BreakerTransitioned>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    Resilience4jCalls(ResilienceSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.timeout = settings.timeout();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) settings.window().toSeconds())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .waitDurationInOpenState(settings.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedInHalfOpen())
                // Half-open lets the trial call through as soon as the wait is over, without waiting for a caller
                // to be refused first: the console then shows HALF_OPEN when it is.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        this.breakers = CircuitBreakerRegistry.of(breakerConfig);
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
        breakers.getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker breaker = added.getAddedEntry();
            breaker.getEventPublisher().onStateTransition(e -> {
                var transition = new BreakerTransitioned(e.getCircuitBreakerName(), e.getStateTransition().getFromState().name(),
                        e.getStateTransition().getToState().name(), clock.instant());
                Deque<BreakerTransitioned> kept = transitions.computeIfAbsent(e.getCircuitBreakerName(), n -> new ArrayDeque<>());
                synchronized (kept) {
                    kept.addFirst(transition);
                    while (kept.size() > TRANSITIONS_KEPT) {
                        kept.removeLast();
                    }
                }
                events.publishEvent(transition);
                listeners.forEach(l -> l.accept(transition));
            });
        });
        bulkheads.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher().onCallRejected(
                e -> bulkheadRejections.computeIfAbsent(e.getBulkheadName(), n -> new AtomicLong()).incrementAndGet()));
    }

    @Override
    public Permit tryAcquire(String name) {
        Named named = named(name);
        if (!named.bulkhead.tryAcquirePermission()) {
            return named.rejected;
        }
        if (!named.breaker.tryAcquirePermission()) {
            named.bulkhead.releasePermission();
            return named.shortCircuited;
        }
        return new Granted(named);
    }

    private Named named(String name) {
        Named named = byName.get(name);
        return named != null ? named : byName.computeIfAbsent(name, n -> new Named(breakers.circuitBreaker(n),
                bulkheads.bulkhead(n), timeout));
    }

    /** A name's breaker and bulkhead, looked up once, and its two refusals (they hold nothing, so one of each). */
    private static final class Named {
        final CircuitBreaker breaker;
        final Bulkhead bulkhead;
        final Duration timeout;
        final Permit rejected;
        final Permit shortCircuited;

        Named(CircuitBreaker breaker, Bulkhead bulkhead, Duration timeout) {
            this.breaker = breaker;
            this.bulkhead = bulkhead;
            this.timeout = timeout;
            this.rejected = new Refused(Outcome.REJECTED, timeout);
            this.shortCircuited = new Refused(Outcome.SHORT_CIRCUITED, timeout);
        }
    }

    private record Refused(Outcome refusal, Duration timeout) implements Permit {
        @Override
        public void succeeded(long durationNanos) {
            throw new IllegalStateException("a refused permit has no call to report");
        }

        @Override
        public void failed(long durationNanos, Outcome outcome, Throwable cause) {
            throw new IllegalStateException("a refused permit has no call to report");
        }
    }

    /** A granted attempt: reports once to the breaker, then gives the bulkhead's place back. */
    private static final class Granted implements Permit {
        private final Named named;
        private boolean reported;

        Granted(Named named) {
            this.named = named;
        }

        @Override
        public @Nullable Outcome refusal() {
            return null;
        }

        @Override
        public Duration timeout() {
            return named.timeout;
        }

        @Override
        public void succeeded(long durationNanos) {
            if (!reported) {
                reported = true;
                try {
                    named.breaker.onSuccess(durationNanos, TimeUnit.NANOSECONDS);
                } finally {
                    named.bulkhead.onComplete();
                }
            }
        }

        @Override
        public void failed(long durationNanos, Outcome outcome, Throwable cause) {
            if (!reported) {
                reported = true;
                try {
                    named.breaker.onError(durationNanos, TimeUnit.NANOSECONDS, cause);
                } finally {
                    named.bulkhead.onComplete();
                }
            }
        }
    }

    @Override
    public boolean isCallPermitted(String name) {
        return breakers.find(name).map(b -> b.getState() != CircuitBreaker.State.OPEN
                && b.getState() != CircuitBreaker.State.FORCED_OPEN).orElse(true);
    }

    /** A breaker's live state for the ops API and the stream. */
    record BreakerView(String name, String state, float failureRatePercent, float slowCallRatePercent, int bufferedCalls,
                       int failedCalls, int slowCalls, long notPermittedCalls, int bulkheadAvailable,
                       long bulkheadRejectedCalls, List<BreakerTransitioned> lastTransitions, Instant at) {}

    List<BreakerView> views() {
        Instant now = clock.instant();
        return breakers.getAllCircuitBreakers().stream()
                .sorted(java.util.Comparator.comparing(CircuitBreaker::getName))
                .map(b -> view(b, now))
                .toList();
    }

    private BreakerView view(CircuitBreaker b, Instant now) {
        CircuitBreaker.Metrics m = b.getMetrics();
        Deque<BreakerTransitioned> kept = transitions.getOrDefault(b.getName(), new ArrayDeque<>());
        List<BreakerTransitioned> last;
        synchronized (kept) {
            last = List.copyOf(kept);
        }
        int available = bulkheads.find(b.getName()).map(h -> h.getMetrics().getAvailableConcurrentCalls()).orElse(0);
        long rejected = bulkheadRejections.getOrDefault(b.getName(), new AtomicLong()).get();
        // resilience4j reports -1 for a rate until the minimum number of calls is reached.
        return new BreakerView(b.getName(), b.getState().name(), Math.max(0, m.getFailureRate()), Math.max(0, m.getSlowCallRate()),
                m.getNumberOfBufferedCalls(), m.getNumberOfFailedCalls(), m.getNumberOfSlowCalls(),
                m.getNumberOfNotPermittedCalls(), available, rejected, last, now);
    }

    void onTransition(Consumer<BreakerTransitioned> listener) {
        listeners.add(listener);
    }

    CircuitBreakerRegistry breakerRegistry() {
        return breakers;
    }
}
