package dev.marquee.backend.resilience.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.resilience}: the defaults of every protected call (the seed's numbers).
 *
 * @param failureRateThreshold    percentage of failed calls in the window that opens a breaker
 * @param slowCallRateThreshold   percentage of slow calls in the window that opens a breaker
 * @param slowCallDuration        a call slower than this is slow
 * @param window                  the breaker's time-based sliding window
 * @param minimumCalls            calls in the window before the rate is judged at all
 * @param waitInOpen              how long a breaker stays open before it lets a trial call through
 * @param permittedInHalfOpen     trial calls in half-open
 * @param timeout                 time limit of one call
 * @param maxConcurrentCalls      bulkhead: calls in flight per name
 * @param snapshotInterval        how often the live stream sends a snapshot of every breaker
 */
@ConfigurationProperties("marquee.resilience")
record ResilienceSettings(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("100") float slowCallRateThreshold,
        @DefaultValue("1s") Duration slowCallDuration,
        @DefaultValue("10s") Duration window,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("5s") Duration waitInOpen,
        @DefaultValue("1") int permittedInHalfOpen,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("32") int maxConcurrentCalls,
        @DefaultValue("2s") Duration snapshotInterval) {

    ResilienceSettings {
        if (failureRateThreshold <= 0 || failureRateThreshold > 100 || minimumCalls < 1 || permittedInHalfOpen < 1
                || maxConcurrentCalls < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("marquee.resilience: thresholds within 1..100, counts >= 1, window >= 1s");
        }
    }
}
