package dev.marquee.player.api;

import dev.marquee.model.Problem;
import java.time.Duration;

/**
 * Why a call to the backend failed, in words a viewer can act on.
 * Each case carries only what its message needs; none of them carries a stack trace.
 */
public sealed interface ApiError {

    /** The sentence to show on screen. */
    String message();

    /** No HTTP answer at all: connection refused, DNS failure, timeout. */
    record Unreachable(String baseUrl) implements ApiError {
        @Override
        public String message() {
            return "Can't reach Marquee at " + baseUrl + ": is the backend running? Start it with ./marquee up";
        }
    }

    /** Sign-in answered 401. */
    record BadCredentials() implements ApiError {
        @Override
        public String message() {
            return "Wrong email or password.";
        }
    }

    /** 429 with the wait the backend asked for in {@code Retry-After}. */
    record RateLimited(Duration retryAfter) implements ApiError {
        @Override
        public String message() {
            return "Too many attempts — try again in " + Math.max(1, retryAfter.toSeconds()) + " s";
        }
    }

    /** 403: signed in, but this account may not do that. */
    record Forbidden(Problem problem) implements ApiError {
        @Override
        public String message() {
            return Rejected.describe(problem, "This account may not do that.");
        }
    }

    /** A 401 on a signed-in call that a refresh could not cure. */
    record SessionExpired() implements ApiError {
        @Override
        public String message() {
            return "Your session has ended: sign in again.";
        }
    }

    /** 404 on a signed-in call: what was asked for (a title, mostly) is not there any more. */
    record NotFound(Problem problem) implements ApiError {
        @Override
        public String message() {
            return "This title is no longer available.";
        }
    }

    /** 5xx: the backend is up but failing; trying again later may work. */
    record ServerFailure(int status) implements ApiError {
        @Override
        public String message() {
            return "Marquee is having trouble right now (HTTP " + status + "). Try again in a moment.";
        }
    }

    /** Any other problem detail the backend answered with. */
    record Rejected(Problem problem) implements ApiError {
        @Override
        public String message() {
            return describe(problem, "The backend refused the request (HTTP " + problem.status() + ").");
        }

        static String describe(Problem problem, String fallback) {
            if (problem.detail() != null && !problem.detail().isBlank()) {
                return problem.detail();
            }
            return problem.title() != null && !problem.title().isBlank() ? problem.title() : fallback;
        }
    }
}
