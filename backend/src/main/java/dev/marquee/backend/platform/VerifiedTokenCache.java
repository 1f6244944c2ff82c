package dev.marquee.backend.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that parses and verifies the signature of each distinct token once and validates its claims
 * (expiry, issuer) on every use. A client sends the same access token with every call, and parsing it again (JSON,
 * HMAC, claim conversion) was a tenth of an instance's CPU and a third of its allocation per request. Only tokens
 * that passed are kept ({@link #KEPT} at most, each {@link #KEPT_FOR} at most), so junk cannot fill it.
 */
final class VerifiedTokenCache implements JwtDecoder {
    /** Distinct valid tokens kept: a few per active client. */
    static final int KEPT = 10_000;
    /** A kept token is parsed again after this even when it lives longer (access tokens live 15 min). */
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(KEPT_FOR).build();

    /**
     * @param decoder   parses, verifies the signature and validates with {@code validator}
     * @param validator the same validator, run again on every use of a kept token
     */
    VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = decoder.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the access token is no longer valid", result.getErrors());
        }
        return known;
    }

    /** Kept for tests: whether {@code token} would be answered without parsing. */
    boolean keeps(String token) {
        return verified.getIfPresent(token) != null;
    }
}
