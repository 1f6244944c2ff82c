package dev.marquee.backend.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Test-only stand-in for the identity module's security: bearer JWTs (HS256, a test secret) with a {@code roles}
 * claim, {@code /api/ops/**} needs ROLE_SRE, {@code /api/license/**} needs any valid token, {@code /api/auth/**} is
 * open (tests that need a sign-in endpoint provide a fake one). Scoped to those paths
 * so it never competes with the real configuration for others. The merged code must enforce the same rules.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {
    private static final byte[] SECRET = "test-only-secret-of-at-least-256-bits-for-hs256!!".getBytes(StandardCharsets.UTF_8);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain encodingTestSecurity(HttpSecurity http) throws Exception {
        var decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256")).build();
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return http.securityMatcher("/api/ops/**", "/api/license/**", "/api/auth/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/auth/**").permitAll()
                        .requestMatchers("/api/ops/**").hasRole("SRE")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /** A signed access token for {@code subject} with the given roles (e.g. "SRE", "VIEWER"). */
    public static String token(String subject, String... roles) {
        try {
            var claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of(roles))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(TOKEN_LIFETIME))).build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
