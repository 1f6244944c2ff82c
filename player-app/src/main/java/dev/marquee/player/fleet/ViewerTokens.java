package dev.marquee.player.fleet;

import dev.marquee.model.identity.TokenResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * One synthetic viewer's token pair, as the player engine's bearer supplier: hands out the access token and
 * refreshes it (rotating the refresh token) when it is about to expire. A failed refresh keeps the old token
 * (the call it goes with may fail, the next one tries again). Thread-safe: the engine thread and OkHttp's
 * heartbeat threads ask at the same time.
 */
final class ViewerTokens implements Supplier<String> {
    /** Refresh this long before expiry so that no request leaves with a token that dies in flight. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
    /** After a failed refresh, wait this long before the next try (every request would try otherwise). */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    /** Exchanges a refresh token for a new pair. */
    @FunctionalInterface
    interface Refresher {
        TokenResponse refresh(String refreshToken) throws FleetException;
    }

    private final Refresher refresher;
    private final InstantSource clock;
    private TokenResponse tokens;
    private Instant expiresAt;
    private Instant nextTry = Instant.MIN;
    private int refreshes;

    ViewerTokens(TokenResponse tokens, Refresher refresher, InstantSource clock) {
        this.refresher = refresher;
        this.clock = clock;
        adopt(tokens, clock.instant());
    }

    private void adopt(TokenResponse fresh, Instant issuedAt) {
        tokens = fresh;
        expiresAt = issuedAt.plusSeconds(fresh.expiresInSeconds());
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (!now.plus(REFRESH_AHEAD).isBefore(expiresAt) && !now.isBefore(nextTry)) {
            try {
                adopt(refresher.refresh(tokens.refreshToken()), now);
                refreshes++;
            } catch (FleetException e) {
                nextTry = now.plus(RETRY_AFTER_FAILURE);
            }
        }
        return tokens.accessToken();
    }

    synchronized String refreshToken() {
        return tokens.refreshToken();
    }

    synchronized int refreshes() {
        return refreshes;
    }
}
