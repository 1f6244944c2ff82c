package dev.marquee.backend.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** The 401 and 403 problems, shared by the security filter chain and the controller advice. */
final class SecurityProblems {
    private SecurityProblems() {}

    static ProblemDetail unauthorized(AuthenticationException ex) {
        boolean badToken = ex instanceof OAuth2AuthenticationException;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, badToken
                ? "The access token is invalid or has expired: refresh it or sign in again."
                : "This needs a valid access token: sign in first.");
        problem.setType(ProblemException.type(badToken ? "invalid-token" : "unauthenticated"));
        problem.setTitle("Not signed in");
        return problem;
    }

    /** RFC 6750 §3: a 401 says which scheme to use and, for a bad token, why it was refused. */
    static HttpHeaders challenge(AuthenticationException ex) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, ex instanceof OAuth2AuthenticationException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        return headers;
    }

    static ProblemDetail forbidden() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your account does not have the role this needs.");
        problem.setType(ProblemException.type("forbidden"));
        problem.setTitle("Forbidden");
        return problem;
    }
}
