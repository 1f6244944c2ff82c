package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.catalog.ViewerContextResolver;
import dev.marquee.backend.platform.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The {@link ViewerContext} from the access token: a token scoped to a profile (identity issues one when a profile
 * is selected, with the claims defined by {@link AccessTokens}) decides the kids flag, whatever the request's
 * headers or parameters say. Without a profile in the token the request is account-level and the header default
 * answers; it can only narrow to kids (its default is not kids), so nothing a client sends widens what a
 * kids-profile token sees. It lives in the catalog rather than identity because identity → catalog would close a
 * module cycle (catalog → encoding → license → identity).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenViewerContextResolver implements ViewerContextResolver {

    private final HeaderViewerContextResolver accountLevel;

    TokenViewerContextResolver(HeaderViewerContextResolver accountLevel) {
        this.accountLevel = accountLevel;
    }

    @Override
    public ViewerContext resolve(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            var profile = AccessTokens.selectedProfile(jwt);
            if (profile.isPresent()) {
                return profile.get().kids() ? ViewerContext.KIDS : ViewerContext.ADULT;
            }
        }
        return accountLevel.resolve(request);
    }
}
