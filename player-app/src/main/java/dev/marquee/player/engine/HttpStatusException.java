package dev.marquee.player.engine;

import java.io.IOException;

/** A request answered with an error status; {@link #body()} keeps a problem+json body for the caller's message. */
public final class HttpStatusException extends IOException {

    private final int status;
    private final String body;

    public HttpStatusException(String url, int status, String body) {
        super("HTTP " + status + " from " + url);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** Server-side or overload errors are worth another edge or another try; client errors are not. */
    public boolean retryable() {
        return status >= 500 || status == 408 || status == 429;
    }
}
