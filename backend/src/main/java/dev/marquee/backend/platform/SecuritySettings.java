package dev.marquee.backend.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code marquee.security}.
 *
 * @param accessTokenTtl    lifetime of a signed access token; at most {@link #MAX_ACCESS_TOKEN_TTL}
 * @param jwtSecret         base64 HMAC-SHA256 key (at least 32 bytes); when absent the key in
 *                          {@code ${marquee.home}/secrets/jwt.key} is used, generated on first start
 * @param maxJsonBody       largest JSON request body accepted; bigger ones get 413
 * @param issuer            the {@code iss} claim of access tokens
 */
@ConfigurationProperties("marquee.security")
public record SecuritySettings(
        @DefaultValue("10m") Duration accessTokenTtl,
        @Nullable String jwtSecret,
        @DefaultValue("64KB") DataSize maxJsonBody,
        @DefaultValue("marquee") String issuer) {

    /** Short enough that a revoked refresh token locks a stolen session out quickly. */
    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public SecuritySettings {
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException(
                    "marquee.security.access-token-ttl must be between 1s and " + MAX_ACCESS_TOKEN_TTL + ", was " + accessTokenTtl);
        }
        if (maxJsonBody.toBytes() <= 0) {
            throw new IllegalArgumentException("marquee.security.max-json-body must be positive");
        }
    }
}
