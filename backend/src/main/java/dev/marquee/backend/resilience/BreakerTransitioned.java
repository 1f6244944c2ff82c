package dev.marquee.backend.resilience;

import java.time.Instant;

/** Published when a circuit breaker changes state, e.g. CLOSED → OPEN after too many failures. */
public record BreakerTransitioned(String name, String from, String to, Instant at) {}
