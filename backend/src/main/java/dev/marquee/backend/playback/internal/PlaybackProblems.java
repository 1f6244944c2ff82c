package dev.marquee.backend.playback.internal;

import dev.marquee.model.playback.PlaybackPaths;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The playback service's refusals as RFC 9457 problems; the platform renders them as problem+json. */
final class PlaybackProblems {
    private PlaybackProblems() {}

    /** 404 or 403 with {@link PlaybackPaths#PROBLEM_NOT_PLAYABLE}: the player shows {@code detail} as it is. */
    static ErrorResponseException notPlayable(HttpStatus status, String detail) {
        return problem(status, URI.create(PlaybackPaths.PROBLEM_NOT_PLAYABLE), "Not playable", detail);
    }

    static ErrorResponseException sessionNotFound(Object sessionId) {
        return problem(HttpStatus.NOT_FOUND, URI.create("urn:marquee:playback:session-not-found"), "Session not found",
                "There is no open playback session " + sessionId + " on this account.");
    }

    static ErrorResponseException badRequest(String slug, String title, String detail) {
        return problem(HttpStatus.BAD_REQUEST, URI.create("urn:marquee:playback:" + slug), title, detail);
    }

    static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
