package dev.marquee.backend.catalog;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Works out the {@link ViewerContext} of an HTTP request. The catalog's default reads the profile's kids flag
 * from the {@code X-Marquee-Profile-Kids} header or the {@code kids} query parameter; the identity module
 * replaces it by declaring its own bean with a higher precedence ({@code @Order} below
 * {@link org.springframework.core.Ordered#LOWEST_PRECEDENCE}) that reads the selected profile from the token.
 * Called on the request thread, once per controller argument.
 */
@FunctionalInterface
public interface ViewerContextResolver {

    ViewerContext resolve(HttpServletRequest request);
}
