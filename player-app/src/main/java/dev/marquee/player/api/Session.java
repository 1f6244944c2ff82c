package dev.marquee.player.api;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.TokenResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in account's tokens, held in memory only: nothing here is ever written to disk.
 * Thread-safe; the client and OkHttp's threads read it concurrently.
 */
final class Session {
    private @Nullable TokenResponse tokens;
    private Instant expiresAt = Instant.MIN;

    synchronized void adopt(TokenResponse fresh, Instant issuedAt) {
        tokens = fresh;
        expiresAt = issuedAt.plusSeconds(fresh.expiresInSeconds());
    }

    synchronized void clear() {
        tokens = null;
        expiresAt = Instant.MIN;
    }

    synchronized @Nullable String accessToken() {
        return tokens == null ? null : tokens.accessToken();
    }

    synchronized @Nullable String refreshToken() {
        return tokens == null ? null : tokens.refreshToken();
    }

    synchronized Optional<AccountView> account() {
        return tokens == null ? Optional.empty() : Optional.of(tokens.account());
    }

    /** True when the access token dies within {@code margin} of {@code now}; false when signed out. */
    synchronized boolean expiresWithin(Duration margin, Instant now) {
        return tokens != null && !now.plus(margin).isBefore(expiresAt);
    }
}
