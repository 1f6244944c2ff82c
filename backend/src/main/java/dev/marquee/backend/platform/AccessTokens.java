package dev.marquee.backend.platform;

import dev.marquee.model.identity.Role;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues the signed, short-lived access tokens that every API request carries, and reads their claims.
 * The subject is the account id; the {@value #ROLES_CLAIM} claim becomes the request's {@code ROLE_*}
 * authorities. It does not issue refresh tokens: those are identity's business.
 */
public final class AccessTokens {
    public static final String ROLES_CLAIM = "roles";
    public static final String EMAIL_CLAIM = "email";

    private final JwtEncoder encoder;
    private final SecuritySettings settings;
    private final InstantSource clock;

    AccessTokens(JwtEncoder encoder, SecuritySettings settings, InstantSource clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    /** A signed access token and the moment it expires. */
    public record AccessToken(String value, Instant expiresAt) {}

    public AccessToken issue(UUID accountId, String email, Collection<Role> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(accountId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(EMAIL_CLAIM, email)
                .claim(ROLES_CLAIM, roles.stream().map(Role::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(header, claims));
        return new AccessToken(jwt.getTokenValue(), expiresAt);
    }

    /** The account a verified token was issued to. */
    public static UUID accountId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    /** The roles a verified token carries; unknown names are ignored. */
    public static List<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(n -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(n)))
                .map(Role::valueOf)
                .toList();
    }
}
