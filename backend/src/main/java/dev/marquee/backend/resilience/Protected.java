package dev.marquee.backend.resilience;

/** What a protected call with a fallback produced: the value and whether it came from the call or the fallback. */
public record Protected<T>(T value, Outcome outcome) {
    public boolean fromFallback() {
        return outcome == Outcome.FALLBACK_SUCCESS;
    }
}
