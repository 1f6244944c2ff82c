package dev.marquee.backend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokenCacheTest {
    private static final SecretKey KEY = new SecretKeySpec(
            "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final VerifiedTokenCache cache;

    VerifiedTokenCacheTest() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(new Clock() { // reads the test's current clock at every check
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return clock.instant(); }
        });
        var validator = new DelegatingOAuth2TokenValidator<Jwt>(timestamps, new JwtIssuerValidator("marquee"));
        decoder.setJwtValidator(validator);
        cache = new VerifiedTokenCache(decoder, validator);
    }

    @Test
    void parsesAValidTokenOnceAndAnswersItFromMemoryAfterwards() {
        String token = token(Duration.ofMinutes(15));

        Jwt first = cache.decode(token);

        assertThat(cache.keeps(token)).isTrue();
        assertThat(cache.decode(token)).isSameAs(first);
        assertThat(first.getSubject()).isEqualTo("account-1");
    }

    @Test
    void refusesAKeptTokenOnceItHasExpired() {
        String token = token(Duration.ofMinutes(15));
        cache.decode(token);

        clock = Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class);
        assertThat(cache.keeps(token)).isFalse();
    }

    @Test
    void keepsNothingOfATamperedToken() {
        String token = token(Duration.ofMinutes(15));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(cache.keeps(tampered)).isFalse();
    }

    private static String token(Duration validFor) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("marquee").subject("account-1").issuedAt(NOW)
                .expiresAt(NOW.plus(validFor)).build();
        return NimbusJwtEncoder.withSecretKey(KEY).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
