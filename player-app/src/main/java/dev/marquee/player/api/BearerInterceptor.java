package dev.marquee.player.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Adds the session's access token to every request that does not carry one, refreshing it first when it is
 * about to expire. It never retries: a 401 that slips through is {@link RefreshAuthenticator}'s business.
 */
final class BearerInterceptor implements Interceptor {
    static final String AUTHORIZATION = "Authorization";
    static final String BEARER = "Bearer ";

    /** Where the interceptor and the authenticator get tokens from; implemented by {@link BackendClient}. */
    interface Tokens {
        /** The access token to send now, refreshed ahead of its expiry; null when signed out. */
        @Nullable String current();

        /** A token other than {@code stale}: refreshed once even if many calls ask at the same time; null if lost. */
        @Nullable String renew(String stale);
    }

    private final Tokens tokens;

    BearerInterceptor(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = request.header(AUTHORIZATION) == null ? tokens.current() : null;
        return chain.proceed(token == null ? request : withBearer(request, token));
    }

    static Request withBearer(Request request, String token) {
        return request.newBuilder().header(AUTHORIZATION, BEARER + token).build();
    }

    static @Nullable String bearerOf(Request request) {
        String header = request.header(AUTHORIZATION);
        return header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null;
    }
}
