package dev.marquee.backend.platform;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that the caller should see as an RFC 9457 problem with a specific type, e.g. a profile limit
 * reached or a wrong PIN. Throw it from any module; the platform renders it as {@code application/problem+json}.
 */
public class ProblemException extends ErrorResponseException {
    /** Problem types are URNs: stable identifiers the apps can switch on, not links to documentation. */
    public static final String TYPE_PREFIX = "urn:marquee:problem:";

    /**
     * @param slug   short kebab-case name of the problem type, e.g. {@code profile-limit}
     * @param title  short summary of the type, the same for every occurrence
     * @param detail what happened this time, written for a person
     */
    public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        super(status, problem(status, slug, title, detail), null);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
