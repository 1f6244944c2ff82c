package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.catalog.ViewerContextResolver;
import dev.marquee.model.catalog.CatalogPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The account-level {@link ViewerContextResolver}, used by {@link TokenViewerContextResolver} when the token names
 * no profile: the kids flag comes from the {@code X-Marquee-Profile-Kids} header, else from the {@code kids} query
 * parameter, else it is false.
 * A value other than true/false/1/0 is refused with 400 rather than guessed.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class HeaderViewerContextResolver implements ViewerContextResolver {

    static final String KIDS_PARAMETER = "kids";

    @Override
    public ViewerContext resolve(HttpServletRequest request) {
        String header = request.getHeader(CatalogPaths.PROFILE_KIDS_HEADER);
        String value = header != null ? header : request.getParameter(KIDS_PARAMETER);
        return parse(value) ? ViewerContext.KIDS : ViewerContext.ADULT;
    }

    private static boolean parse(@Nullable String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The kids flag (" + CatalogPaths.PROFILE_KIDS_HEADER + " or ?kids=) must be true or false");
        };
    }
}
