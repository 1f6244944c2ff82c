package dev.marquee.player.fleet;

/**
 * A failure of one step of a synthetic viewer (or of the fleet's set-up), with a short reason that groups well in
 * the summary's "errors by reason", e.g. {@code session: HTTP 503} or {@code licence: concurrent-stream-limit}.
 */
public final class FleetException extends Exception {
    private final String reason;

    public FleetException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FleetException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The short, groupable reason. */
    public String reason() {
        return reason;
    }
}
