package dev.marquee.backend.platform;

import dev.marquee.model.identity.Role;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues the signed, short-lived access tokens that every API request carries, and reads their claims.
 * The subject is the account id; the {@value #ROLES_CLAIM} claim becomes the request's {@code ROLE_*}
 * authorities. A token issued on selecting a profile also names it ({@value #PROFILE_CLAIM}) and its kids flag
 * ({@value #PROFILE_KIDS_CLAIM}), so what a profile may see is decided by the signed token, never by a header.
 * It does not issue refresh tokens: those are identity's business.
 */
public final class AccessTokens {
    public static final String ROLES_CLAIM = "roles";
    public static final String EMAIL_CLAIM = "email";
    /** The selected profile's id; absent on an account-level token (after sign-in, before a profile is chosen). */
    public static final String PROFILE_CLAIM = "profile";
    /** Whether the selected profile is a kids profile; present exactly when {@value #PROFILE_CLAIM} is. */
    public static final String PROFILE_KIDS_CLAIM = "profile_kids";

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

    /** The profile a token is scoped to. */
    public record SelectedProfile(UUID id, boolean kids) {}

    /** An account-level token (no profile selected). */
    public AccessToken issue(UUID accountId, String email, Collection<Role> roles) {
        return issue(accountId, email, roles, null);
    }

    /** A token scoped to {@code profile} when it is not null, else an account-level one. */
    public AccessToken issue(UUID accountId, String email, Collection<Role> roles, @Nullable SelectedProfile profile) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.accessTokenTtl());
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(accountId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(EMAIL_CLAIM, email)
                .claim(ROLES_CLAIM, roles.stream().map(Role::name).sorted().toList());
        if (profile != null) {
            builder.claim(PROFILE_CLAIM, profile.id().toString()).claim(PROFILE_KIDS_CLAIM, profile.kids());
        }
        JwtClaimsSet claims = builder.build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(header, claims));
        return new AccessToken(jwt.getTokenValue(), expiresAt);
    }

    /** The account a verified token was issued to. */
    public static UUID accountId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    /**
     * The profile a verified token is scoped to, or empty for an account-level token. A profile claim without a
     * readable kids flag is treated as a kids profile: a malformed scope must not widen what the token sees.
     */
    public static Optional<SelectedProfile> selectedProfile(Jwt jwt) {
        String id = jwt.getClaimAsString(PROFILE_CLAIM);
        if (id == null) {
            return Optional.empty();
        }
        Object kids = jwt.getClaims().get(PROFILE_KIDS_CLAIM);
        return Optional.of(new SelectedProfile(UUID.fromString(id), !(kids instanceof Boolean b) || b));
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
