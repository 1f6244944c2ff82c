package dev.marquee.player.api;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.Problem;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.catalog.HomeRows;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.RefreshRequest;
import dev.marquee.model.identity.ProfileSelection;
import dev.marquee.model.identity.SelectProfileRequest;
import dev.marquee.model.identity.SignInRequest;
import dev.marquee.model.identity.TokenResponse;
import dev.marquee.model.search.SearchPaths;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The player's HTTP client for the Marquee backend: sign-in, refresh, profiles and sign-out over the
 * shared-model records, and the catalog and search reads of the browsing screens. Tokens stay in memory ({@link Session}); the access token is refreshed ahead of its
 * expiry by {@link BearerInterceptor} and once more on a 401 by {@link RefreshAuthenticator}.
 * It does not retry anything else: a failure becomes an {@link ApiException} for the screen to show.
 */
public final class BackendClient implements IdentityApi, CatalogApi, BearerInterceptor.Tokens {
    public static final String BASE_URL_PROPERTY = "marquee.backend";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";
    /** Refresh this long before expiry so that no request leaves with a token that dies in flight. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    /** A loopback backend connects in milliseconds; a few seconds covers a busy laptop without a frozen wait. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Bound on one call, including a refresh and the retry after it. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl baseUrl;
    private final InstantSource clock;
    private final Session session = new Session();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final OkHttpClient anonymous;
    private final OkHttpClient signedIn;
    /** Where catalog and search reads go when set: the current region's gateway, failing over (sign-in stays here). */
    private volatile @Nullable ControlPlane controlPlane;

    public BackendClient(String baseUrl, InstantSource clock) {
        this(baseUrl, clock, new OkHttpClient());
    }

    /**
     * A client on a shared OkHttp client (its connection pool and threads), e.g. one per synthetic viewer of a load
     * fleet, all on one.
     */
    public BackendClient(String baseUrl, InstantSource clock, OkHttpClient http) {
        this.baseUrl = HttpUrl.get(baseUrl);
        this.clock = clock;
        this.anonymous = http.newBuilder().connectTimeout(CONNECT_TIMEOUT).callTimeout(CALL_TIMEOUT).build();
        this.signedIn = anonymous.newBuilder()
                .addInterceptor(new BearerInterceptor(this))
                .authenticator(new RefreshAuthenticator(this))
                .build();
    }

    /**
     * Sends the catalog and search reads through {@code regions} (the current region's gateway, the next one when it
     * fails) instead of the backend's main address; sign-in, refresh, profiles and artwork stay on the main address.
     */
    public void readThrough(ControlPlane regions) {
        this.controlPlane = regions;
    }

    /** A client for the backend named by {@value #BASE_URL_PROPERTY}, else {@value #DEFAULT_BASE_URL}. */
    public static BackendClient fromSystemProperties() {
        return new BackendClient(System.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL), InstantSource.system());
    }

    /** The backend's address as people type it, without a trailing slash. */
    public String baseUrl() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public AccountView signIn(String email, String password) {
        Instant sentAt = clock.instant();
        TokenResponse tokens = call(anonymous, post(ApiPaths.SIGN_IN, new SignInRequest(email, password)), true);
        session.adopt(tokens, sentAt);
        return tokens.account();
    }

    /**
     * Signs in with a token pair obtained elsewhere instead of a password: the synthetic viewers of a load fleet,
     * whose tokens an SRE gets from {@code POST /api/ops/synthetic-viewers} (they have no password).
     *
     * @param issuedAt when the pair was issued (the access token's lifetime counts from then)
     */
    public void adopt(TokenResponse tokens, Instant issuedAt) {
        session.adopt(tokens, issuedAt);
    }

    /** Trades the refresh token for a new pair; the backend rotates the refresh token on every use. */
    public synchronized void refresh() {
        String refreshToken = session.refreshToken();
        if (refreshToken == null) {
            throw new ApiException(new ApiError.SessionExpired());
        }
        Instant sentAt = clock.instant();
        session.adopt(call(anonymous, post(ApiPaths.REFRESH, new RefreshRequest(refreshToken)), false), sentAt);
    }

    @Override
    public List<ProfileView> profiles() {
        return List.of(read(execute(signedIn, request(ApiPaths.PROFILES).get().build(), false), ProfileView[].class));
    }

    /**
     * Selects the profile and switches to the token pair the backend answers, which is scoped to that profile:
     * from then on the backend decides what a kids profile may see from the token, whatever the kids flag the
     * catalog calls send. An answer without tokens (a backend from before profile-scoped tokens) keeps the pair.
     */
    @Override
    public void selectProfile(UUID profileId, @Nullable String pin) {
        String path = ApiPaths.PROFILE_SELECT.replace("{profileId}", profileId.toString());
        Instant sentAt = clock.instant();
        String answer = execute(signedIn, post(path, new SelectProfileRequest(pin)), false);
        if (answer.contains("\"accessToken\"")) {
            session.adopt(read(answer, ProfileSelection.class).tokens(), sentAt);
        }
    }

    @Override
    public void signOut() {
        String accessToken = session.accessToken();
        String refreshToken = session.refreshToken();
        session.clear();
        if (refreshToken == null) {
            return;
        }
        Request.Builder revoke = request(ApiPaths.SIGN_OUT).post(body(new RefreshRequest(refreshToken)));
        if (accessToken != null) {
            revoke.header(BearerInterceptor.AUTHORIZATION, BearerInterceptor.BEARER + accessToken);
        }
        try {
            execute(anonymous, revoke.build(), false);
        } catch (ApiException ignored) {
            // Signed out locally either way; an unrevoked refresh token still expires on its own.
        }
    }

    @Override
    public HomeRows rows(boolean kids) {
        return get(CatalogPaths.ROWS, kids, HomeRows.class);
    }

    @Override
    public TitleDetail title(UUID titleId, boolean kids) {
        return get(CatalogPaths.TITLE.replace("{titleId}", titleId.toString()), kids, TitleDetail.class);
    }

    @Override
    public Suggestions suggest(String query, boolean kids) {
        return get(searchUrl(SearchPaths.SUGGEST, query, SearchPaths.DEFAULT_SUGGEST_LIMIT), kids, Suggestions.class);
    }

    @Override
    public SearchResults search(String query, boolean kids) {
        return get(searchUrl(SearchPaths.SEARCH, query, SearchPaths.DEFAULT_LIMIT), kids, SearchResults.class);
    }

    @Override
    public String artworkUrl(String path) {
        return Objects.requireNonNull(baseUrl.resolve(path), path).toString();
    }

    /** The path and encoded query of a search call. */
    private String searchUrl(String path, String query, int limit) {
        String bounded = query.length() > SearchPaths.MAX_QUERY_LENGTH ? query.substring(0, SearchPaths.MAX_QUERY_LENGTH) : query;
        HttpUrl url = Objects.requireNonNull(baseUrl.resolve(path)).newBuilder()
                .addQueryParameter("q", bounded)
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        return url.encodedPath() + "?" + url.encodedQuery();
    }

    /** A catalog or search read of {@code pathAndQuery}: on the main address, or through the regions when set. */
    private <T> T get(String pathAndQuery, boolean kids, Class<T> type) {
        ControlPlane regions = controlPlane;
        if (regions == null) {
            return read(execute(signedIn, catalogRequest(baseUrl() + pathAndQuery, kids), false), type);
        }
        try {
            return read(regions.call(base -> {
                try (Response response = signedIn.newCall(catalogRequest(base + pathAndQuery, kids)).execute()) {
                    if (response.code() >= 500) {
                        throw new ControlPlane.RegionFailure(base, response.code());
                    }
                    if (!response.isSuccessful()) {
                        throw new Answered(Failures.of(response, false, json, clock.instant()));
                    }
                    return response.body().string();
                }
            }), type);
        } catch (Answered e) {
            throw e.failure;
        } catch (ControlPlane.RegionFailure e) {
            throw new ApiException(new ApiError.ServerFailure(e.status()), e);
        } catch (IOException e) {
            throw new ApiException(new ApiError.Unreachable(regions.baseUrl()), e);
        }
    }

    private static Request catalogRequest(String url, boolean kids) {
        return new Request.Builder()
                .url(url)
                .header("Accept", "application/json, " + Problem.MEDIA_TYPE)
                // Only a hint since profile-scoped tokens: the backend ignores it when the token names a profile.
                .header(CatalogPaths.PROFILE_KIDS_HEADER, Boolean.toString(kids))
                .get()
                .build();
    }

    /** A definite answer (4xx) carried out of {@link ControlPlane#call} without counting as a region failure. */
    private static final class Answered extends RuntimeException {
        final ApiException failure;

        Answered(ApiException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /** The account signed in now, if any. */
    public Optional<AccountView> account() {
        return session.account();
    }

    @Override
    public @Nullable String current() {
        String token = session.accessToken();
        if (token != null && session.expiresWithin(REFRESH_AHEAD, clock.instant())) {
            String renewed = renew(token);
            return renewed != null ? renewed : session.accessToken();
        }
        return token;
    }

    @Override
    public synchronized @Nullable String renew(String stale) {
        String now = session.accessToken();
        if (now == null || !now.equals(stale)) {
            return now; // signed out meanwhile, or another call refreshed already
        }
        try {
            refresh();
            return session.accessToken();
        } catch (ApiException e) {
            if (e.error() instanceof ApiError.SessionExpired) {
                session.clear();
            }
            return null;
        }
    }

    private TokenResponse call(OkHttpClient client, Request request, boolean signingIn) {
        return read(execute(client, request, signingIn), TokenResponse.class);
    }

    private String execute(OkHttpClient client, Request request, boolean signingIn) {
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw Failures.of(response, signingIn, json, clock.instant());
            }
            return response.body().string();
        } catch (IOException e) {
            throw new ApiException(new ApiError.Unreachable(baseUrl()), e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw new ApiException(new ApiError.Rejected(new Problem(
                    null, "The backend sent an answer this player cannot read.", 200, e.getOriginalMessage(), null)), e);
        }
    }

    private Request post(String path, Object payload) {
        return request(path).post(body(payload)).build();
    }

    private RequestBody body(Object payload) {
        return RequestBody.create(json.writeValueAsString(payload), JSON);
    }

    private Request.Builder request(String path) {
        return new Request.Builder().url(baseUrl.resolve(path)).header("Accept", "application/json, " + Problem.MEDIA_TYPE);
    }
}
