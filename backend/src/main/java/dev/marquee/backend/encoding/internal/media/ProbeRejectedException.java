package dev.marquee.backend.encoding.internal.media;

/** The file cannot become a title; the message says why in words an operator can act on. */
public class ProbeRejectedException extends Exception {
    public ProbeRejectedException(String reason) {
        super(reason);
    }
}
