package dev.marquee.backend.platform;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Rendered as 429 with a {@code Retry-After} header in whole seconds (at least one). */
public class TooManyRequestsException extends ProblemException {
    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        getBody().setProperty("retryAfterSeconds", retryAfterSeconds(retryAfter));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Rounds up, so that a client waiting this long is never refused again for the same reason. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
