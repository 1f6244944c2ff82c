package dev.marquee.backend.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens with rotation: each is single-use and is stored only as its SHA-256 hash. A token
 * belongs to a family started by one sign-in; using a token yields the next one of the family. Presenting a
 * token that was already used means it was copied, so the whole family is revoked (OAuth 2.0 Security BCP,
 * RFC 9700 §4.14.2). There is no grace period for a client that retries a refresh.
 */
@Repository
class RefreshTokens {
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    /** 256 bits: not guessable, and long enough that a fast unsalted hash is a safe way to store it. */
    static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final IdentitySettings settings;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, IdentitySettings settings, InstantSource clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a new family for a fresh sign-in and returns its first token. */
    String startFamily(UUID accountId) {
        return startFamily(accountId, null);
    }

    /** Starts a new family scoped to {@code profileId} (null: account-level) and returns its first token. */
    String startFamily(UUID accountId, @Nullable UUID profileId) {
        return issue(accountId, profileId, UUID.randomUUID());
    }

    /** The account (and profile, if the family is scoped to one) of a rotated token, and its successor. */
    record Rotation(UUID accountId, @Nullable UUID profileId, String nextToken) {}

    /**
     * Uses {@code presented} once and returns its successor; empty when the token is unknown, expired,
     * revoked or already used (the last also revokes its family).
     */
    Optional<Rotation> rotate(String presented) {
        Stored stored = find(presented);
        if (stored == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (stored.revoked() || !now.isBefore(stored.expiresAt())) {
            return Optional.empty();
        }
        int used = jdbc.sql("update identity_refresh_token set used_at = ? where id = ? and used_at is null and revoked_at is null")
                .params(Timestamps.sql(now), stored.id()).update();
        if (used == 0) {
            int revoked = revokeFamily(stored.familyId());
            log.warn("Refresh token reused for account {}: revoked its token family ({} tokens)", stored.accountId(), revoked);
            return Optional.empty();
        }
        return Optional.of(new Rotation(stored.accountId(), stored.profileId(),
                issue(stored.accountId(), stored.profileId(), stored.familyId())));
    }

    /** Revokes the family of {@code presented} (sign-out). Unknown tokens are ignored. */
    void revoke(String presented) {
        Stored stored = find(presented);
        if (stored != null) {
            revokeFamily(stored.familyId());
        }
    }

    private String issue(UUID accountId, @Nullable UUID profileId, UUID familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into identity_refresh_token (id, family_id, account_id, profile_id, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), familyId, accountId, profileId, hash(token), Timestamps.sql(now),
                        Timestamps.sql(now.plus(settings.refreshTokenTtl())))
                .update();
        return token;
    }

    private int revokeFamily(UUID familyId) {
        return jdbc.sql("update identity_refresh_token set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamps.sql(clock.instant()), familyId).update();
    }

    private record Stored(UUID id, UUID familyId, UUID accountId, @Nullable UUID profileId, Instant expiresAt, boolean used, boolean revoked) {}

    private @Nullable Stored find(String presented) {
        return jdbc.sql("select * from identity_refresh_token where token_hash = ?").param(hash(presented))
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        rs.getObject("account_id", UUID.class), rs.getObject("profile_id", UUID.class), Timestamps.readRequired(rs, "expires_at"),
                        rs.getObject("used_at") != null, rs.getObject("revoked_at") != null))
                .optional().orElse(null);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
