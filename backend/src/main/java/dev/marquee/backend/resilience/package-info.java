/**
 * Protection of every call across instances and modules with resilience4j as it is: a timeout, a circuit breaker
 * and a bulkhead per named call, a fallback chosen by the caller, and the live state of every breaker (ops API and
 * a server-sent event stream for the console).
 */
@ApplicationModule(displayName = "Resilience")
@NullMarked
package dev.marquee.backend.resilience;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
