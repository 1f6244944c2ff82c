package dev.marquee.console.api;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.Problem;
import dev.marquee.model.identity.RefreshRequest;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.SignInRequest;
import dev.marquee.model.identity.TokenResponse;
import dev.marquee.model.identity.WhoAmI;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
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
 * The ops console's HTTP client: SRE sign-in, health, sign-out. Tokens live in memory only. One interceptor
 * adds the bearer token, renews it when it is within {@link #RENEW_BEFORE_EXPIRY} of expiring, and on a 401
 * renews once and repeats the request. It retries nothing else.
 */
public final class OpsClient implements OpsApi {
    public static final String BASE_URL_PROPERTY = "marquee.backend";
    /** Renew ahead so that a poll never leaves with a token that expires in flight. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    /** Health polls must fail fast to show "disconnected" promptly; loopback connects in milliseconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final InstantSource clock;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final OkHttpClient http;
    private @Nullable TokenResponse tokens;
    private Instant renewAt = Instant.MAX;

    public OpsClient(String baseUrl, InstantSource clock) {
        this.base = HttpUrl.get(baseUrl);
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .addInterceptor(this::authorise)
                .build();
    }

    public static OpsClient fromSystemProperties() {
        return new OpsClient(System.getProperty(BASE_URL_PROPERTY, "http://127.0.0.1:8080"), InstantSource.system());
    }

    @Override
    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    @Override
    public WhoAmI signIn(String email, String password) {
        adopt(send(post(ApiPaths.SIGN_IN, new SignInRequest(email, password)), TokenResponse.class));
        try {
            if (!current().account().roles().contains(Role.SRE)) {
                throw new OpsException(new OpsFailure.NotSre());
            }
            return whoAmI();
        } catch (OpsException refused) {
            signOut();
            throw refused;
        }
    }

    @Override
    public WhoAmI whoAmI() {
        return send(new Request.Builder().url(base.resolve(ApiPaths.WHOAMI)).build(), WhoAmI.class);
    }

    @Override
    public boolean healthy() {
        try (Response response = http.newCall(new Request.Builder().url(base.resolve(ApiPaths.HEALTH)).build()).execute()) {
            return response.isSuccessful();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void signOut() {
        TokenResponse ending;
        synchronized (this) {
            ending = tokens;
            tokens = null;
        }
        if (ending != null) {
            try {
                send(post(ApiPaths.SIGN_OUT, new RefreshRequest(ending.refreshToken())).newBuilder()
                        .header("Authorization", "Bearer " + ending.accessToken()).build(), Void.class);
            } catch (OpsException ignored) {
                // Gone from memory already; the refresh token also dies on its own schedule.
            }
        }
    }

    @Override
    public <T> T get(String path, Class<T> type) {
        return Objects.requireNonNull(send(new Request.Builder().url(url(path)).build(), type), path);
    }

    @Override
    public <T> List<T> getList(String path, Class<T> element) {
        try (Response response = http.newCall(new Request.Builder().url(url(path)).build()).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new OpsException(failureOf(response, body, false));
            }
            return json.readValue(body, json.getTypeFactory().constructCollectionType(List.class, element));
        } catch (IOException e) {
            throw new OpsException(new OpsFailure.Offline(baseUrl()), e);
        } catch (JacksonException e) {
            throw new OpsException(new OpsFailure.Refused(new Problem(null, null, 200,
                    "The backend's answer could not be read: " + e.getOriginalMessage(), null)), e);
        }
    }

    @Override
    public void send(String method, String path, @Nullable Object body) {
        send(request(method, path, body), Void.class);
    }

    @Override
    public <T> T exchange(String method, String path, @Nullable Object body, Class<T> type) {
        return Objects.requireNonNull(send(request(method, path, body), type), path);
    }

    private Request request(String method, String path, @Nullable Object body) {
        RequestBody content = body == null ? (method.equals("GET") || method.equals("DELETE") ? null
                : RequestBody.create(new byte[0], JSON)) : RequestBody.create(json.writeValueAsString(body), JSON);
        return new Request.Builder().url(url(path)).method(method, content).build();
    }

    @Override
    public AutoCloseable stream(String path, Consumer<SseEvent> events, Consumer<Boolean> connected) {
        return new SseClient(http, url(path), events, connected).start();
    }

    /** The JSON reader the views' models use for event payloads (unknown properties ignored). */
    public static JsonMapper json() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    private HttpUrl url(String pathAndQuery) {
        return Objects.requireNonNull(base.resolve(pathAndQuery), pathAndQuery);
    }

    private Response authorise(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null || !request.url().encodedPath().startsWith(ApiPaths.API)
                || request.url().encodedPath().startsWith(ApiPaths.AUTH)) {
            return chain.proceed(request);
        }
        String token = tokenRenewedIf(clock.instant().isAfter(renewAt), null);
        Response response = chain.proceed(withToken(request, token));
        if (response.code() != 401 || token == null) {
            return response;
        }
        String renewed = tokenRenewedIf(true, token);
        if (renewed == null || renewed.equals(token)) {
            return response;
        }
        response.close();
        return chain.proceed(withToken(request, renewed));
    }

    /** The access token, renewed first when asked and when no other call renewed it since {@code seen}. */
    private synchronized @Nullable String tokenRenewedIf(boolean renew, @Nullable String seen) {
        if (tokens == null) {
            return null;
        }
        if (renew && (seen == null || seen.equals(tokens.accessToken()))) {
            try {
                adopt(send(post(ApiPaths.REFRESH, new RefreshRequest(tokens.refreshToken())), TokenResponse.class));
            } catch (OpsException e) {
                if (e.failure() instanceof OpsFailure.SessionEnded) {
                    tokens = null;
                    return null;
                }
            }
        }
        return tokens.accessToken();
    }

    private synchronized void adopt(TokenResponse fresh) {
        tokens = fresh;
        renewAt = clock.instant().plusSeconds(fresh.expiresInSeconds()).minus(RENEW_BEFORE_EXPIRY);
    }

    private synchronized TokenResponse current() {
        if (tokens == null) {
            throw new OpsException(new OpsFailure.SessionEnded());
        }
        return tokens;
    }

    private static Request withToken(Request request, @Nullable String token) {
        return token == null ? request : request.newBuilder().header("Authorization", "Bearer " + token).build();
    }

    private Request post(String path, Object body) {
        return new Request.Builder().url(base.resolve(path)).post(RequestBody.create(json.writeValueAsString(body), JSON)).build();
    }

    private <T> @Nullable T send(Request request, Class<T> type) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new OpsException(failureOf(response, body, request.url().encodedPath().equals(ApiPaths.SIGN_IN)));
            }
            return type == Void.class ? null : json.readValue(body, type);
        } catch (IOException e) {
            throw new OpsException(new OpsFailure.Offline(baseUrl()), e);
        } catch (JacksonException e) {
            throw new OpsException(new OpsFailure.Refused(new Problem(null, null, 200,
                    "The backend's answer could not be read: " + e.getOriginalMessage(), null)), e);
        }
    }

    private OpsFailure failureOf(Response response, String body, boolean signingIn) {
        return switch (response.code()) {
            case 401 -> signingIn ? new OpsFailure.WrongPassword() : new OpsFailure.SessionEnded();
            case 403 -> new OpsFailure.NotSre();
            case 429 -> new OpsFailure.Throttled(seconds(response.header("Retry-After")));
            default -> new OpsFailure.Refused(problem(response, body));
        };
    }

    private Problem problem(Response response, String body) {
        try {
            return json.readValue(body, Problem.class);
        } catch (JacksonException notProblemJson) {
            return new Problem(null, response.message(), response.code(), null, null);
        }
    }

    /** Retry-After in delta-seconds, which is what the backend sends; anything else reads as "now". */
    private static long seconds(@Nullable String retryAfter) {
        try {
            return retryAfter == null ? 0 : Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
