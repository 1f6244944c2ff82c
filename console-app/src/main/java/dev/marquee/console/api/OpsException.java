package dev.marquee.console.api;

/** A failed console call; {@link #failure()} carries the reason to show. */
public final class OpsException extends RuntimeException {
    private final transient OpsFailure failure;

    public OpsException(OpsFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public OpsException(OpsFailure failure) {
        this(failure, null);
    }

    public OpsFailure failure() {
        return failure;
    }
}
