package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.backend.platform.PublicPaths;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Inbound filter: validates the bearer token (signature, expiry, issuer) with the backend's own decoder, unless the
 * path is public. It checks identity only; roles (e.g. SRE for {@code /api/ops}) are judged again by the instance.
 * The decoder keeps the tokens it verified (the platform's {@code VerifiedTokenCache}), so a client's token is parsed
 * once, not at every call.
 */
final class Authenticator {
    private record Rule(HttpMethod method, PathPattern pattern) {}

    private final JwtDecoder decoder;
    private final List<Rule> publicRules;

    /** Outcome: the account, or why not (null reason means "public, no token needed"). */
    record Verdict(Optional<UUID> account, String failure) {
        static Verdict ok(Optional<UUID> account) {
            return new Verdict(account, "");
        }

        boolean refused() {
            return !failure.isEmpty();
        }
    }

    Authenticator(JwtDecoder decoder, List<PublicPaths> publicPaths) {
        this.decoder = decoder;
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.publicRules = publicPaths.stream()
                .flatMap(p -> p.patterns().stream().map(pattern -> new Rule(p.method(), parser.parse(pattern))))
                .toList();
    }

    Verdict check(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        boolean isPublic = isPublic(exchange.method(), exchange.path());
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return isPublic ? Verdict.ok(Optional.empty()) : new Verdict(Optional.empty(), "an access token is required");
        }
        try {
            var jwt = decoder.decode(authorization.substring(7).trim());
            return Verdict.ok(Optional.of(AccessTokens.accountId(jwt)));
        } catch (JwtException | IllegalArgumentException e) {
            // A public path with a bad token is still public: the instance decides what to make of it.
            return isPublic ? Verdict.ok(Optional.empty()) : new Verdict(Optional.empty(), "the access token is invalid or expired");
        }
    }

    private boolean isPublic(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : publicRules) {
            boolean methodMatches = rule.method() == null || rule.method().matches(method)
                    || (rule.method() == HttpMethod.GET && "HEAD".equals(method));
            if (methodMatches && rule.pattern().matches(container)) {
                return true;
            }
        }
        return false;
    }
}
