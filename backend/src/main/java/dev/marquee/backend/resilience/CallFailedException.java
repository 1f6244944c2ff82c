package dev.marquee.backend.resilience;

import org.jspecify.annotations.Nullable;

/** A protected call that did not succeed, with why: {@link Outcome#FAILURE}, TIMEOUT, SHORT_CIRCUITED or REJECTED. */
public final class CallFailedException extends RuntimeException {
    private final Outcome outcome;

    public CallFailedException(String name, Outcome outcome, @Nullable Throwable cause) {
        super(name + ": " + outcome + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
