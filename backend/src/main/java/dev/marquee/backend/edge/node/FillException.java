package dev.marquee.backend.edge.node;

/** A fill that could not produce the object; {@code status} is what the client is told (404, 502 or 504). */
final class FillException extends Exception {

    private final int status;

    FillException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() { return status; }
}
