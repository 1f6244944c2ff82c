package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.backend.platform.PublicPaths;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
 * A token that passed is remembered with its account and expiry ({@link #VERIFIED_KEPT} of them, each for at most
 * {@link #VERIFIED_FOR}): a player sends the same token with every call, and decoding it again (JSON parsing, an
 * HMAC, claim conversion) was a quarter of the gateway's CPU per request. A remembered token still expires on time.
 */
final class Authenticator {
    /** Distinct tokens remembered: a few per active client; bounded so that junk cannot grow it (only valid ones enter). */
    static final int VERIFIED_KEPT = 10_000;
    /** A remembered verdict is dropped after this even if the token lives longer (access tokens live 15 min). */
    static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

    private record Rule(HttpMethod method, PathPattern pattern) {}

    /** A token that passed the decoder: whose it is and until when. */
    private record Verified(UUID account, Instant expiresAt) {}

    private final JwtDecoder decoder;
    private final List<Rule> publicRules;
    private final InstantSource clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(VERIFIED_KEPT).expireAfterWrite(VERIFIED_FOR).build();

    /** Outcome: the account, or why not (null reason means "public, no token needed"). */
    record Verdict(Optional<UUID> account, String failure) {
        static Verdict ok(Optional<UUID> account) {
            return new Verdict(account, "");
        }

        boolean refused() {
            return !failure.isEmpty();
        }
    }

    Authenticator(JwtDecoder decoder, List<PublicPaths> publicPaths, InstantSource clock) {
        this.decoder = decoder;
        this.clock = clock;
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
        String token = authorization.substring(7).trim();
        Verified known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return Verdict.ok(Optional.of(known.account()));
        }
        try {
            var jwt = decoder.decode(token);
            UUID account = AccessTokens.accountId(jwt);
            if (jwt.getExpiresAt() != null) {
                verified.put(token, new Verified(account, jwt.getExpiresAt()));
            }
            return Verdict.ok(Optional.of(account));
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
