package dev.marquee.backend.catalog;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Works out the {@link ViewerContext} of an HTTP request. The highest-precedence bean wins: the catalog's own
 * reads the selected profile's kids flag from the access token's claims (see
 * {@link dev.marquee.backend.platform.AccessTokens#selectedProfile}) and, for an account-level token, falls back to
 * the {@code X-Marquee-Profile-Kids} header or {@code kids} query parameter, which can only narrow to kids.
 * Called on the request thread, once per controller argument.
 */
@FunctionalInterface
public interface ViewerContextResolver {

    ViewerContext resolve(HttpServletRequest request);
}
