package dev.marquee.backend.platform;

import java.io.IOException;

/** Thrown while reading a JSON request body that turns out to be longer than the limit; rendered as 413. */
public final class RequestBodyTooLargeException extends IOException {
    private final long limitBytes;

    RequestBodyTooLargeException(long limitBytes) {
        super("request body exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
