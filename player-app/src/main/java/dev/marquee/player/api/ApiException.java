package dev.marquee.player.api;

/** Thrown by {@link BackendClient} calls; {@link #error()} says what went wrong in a form the screens can show. */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    public ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
