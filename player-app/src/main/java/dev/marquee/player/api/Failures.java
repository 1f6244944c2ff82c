package dev.marquee.player.api;

import dev.marquee.model.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns an unsuccessful HTTP answer into an {@link ApiError}, reading its RFC 9457 body when there is one. */
final class Failures {
    private Failures() {}

    static ApiException of(Response response, boolean signingIn, JsonMapper json, Instant now) {
        Problem problem = problemOf(response, json);
        ApiError error = switch (response.code()) {
            case 401 -> signingIn ? new ApiError.BadCredentials() : new ApiError.SessionExpired();
            case 403 -> new ApiError.Forbidden(problem);
            case 404 -> signingIn ? new ApiError.Rejected(problem) : new ApiError.NotFound(problem);
            case 429 -> new ApiError.RateLimited(retryAfter(response.header("Retry-After"), now));
            default -> response.code() >= 500 ? new ApiError.ServerFailure(response.code()) : new ApiError.Rejected(problem);
        };
        return new ApiException(error);
    }

    /** The problem in the body, or one made from the status line when the body is not problem+json. */
    static Problem problemOf(Response response, JsonMapper json) {
        try {
            String contentType = response.header("Content-Type", "");
            if (contentType.contains("json")) {
                return json.readValue(response.body().string(), Problem.class);
            }
        } catch (JacksonException | java.io.IOException unreadable) {
            // fall through: the status line still says what happened
        }
        return new Problem(null, response.message(), response.code(), null, null);
    }

    /** {@code Retry-After} is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); unknown means zero. */
    static Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }
}
