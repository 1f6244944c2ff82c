package dev.marquee.player.api;

import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Answers a 401 by refreshing the access token once and repeating the request with the new one.
 * It gives up (returns null, so the 401 reaches the caller) when the request carried no token or was already
 * a retry, which keeps a revoked session from looping.
 */
final class RefreshAuthenticator implements Authenticator {
    private final BearerInterceptor.Tokens tokens;

    RefreshAuthenticator(BearerInterceptor.Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public @Nullable Request authenticate(@Nullable Route route, Response response) {
        String sent = BearerInterceptor.bearerOf(response.request());
        if (sent == null || response.priorResponse() != null) {
            return null;
        }
        String renewed = tokens.renew(sent);
        return renewed == null ? null : BearerInterceptor.withBearer(response.request(), renewed);
    }
}
