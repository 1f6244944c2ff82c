package dev.marquee.console.api;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.Problem;
import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.RefreshRequest;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.SignInRequest;
import dev.marquee.model.identity.TokenResponse;
import dev.marquee.model.identity.WhoAmI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for the backend's identity and ops endpoints with one SRE and one viewer. Like the real
 * one it enforces passwords, bearer tokens, the SRE role on {@code /api/ops/**} and refresh-token rotation.
 */
public class FakeOpsBackend extends Dispatcher {
    public static final String SRE_EMAIL = "sre@marquee.test";
    public static final String VIEWER_EMAIL = "viewer@marquee.test";
    public static final String PASSWORD = "operate-the-world";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, AccountView> accounts = Map.of(
            SRE_EMAIL, new AccountView(UUID.randomUUID(), SRE_EMAIL, "On call", Set.of(Role.SRE, Role.VIEWER)),
            VIEWER_EMAIL, new AccountView(UUID.randomUUID(), VIEWER_EMAIL, "Viewer", Set.of(Role.VIEWER)));
    private final Map<String, AccountView> byAccessToken = new ConcurrentHashMap<>();
    private final Map<String, AccountView> byRefreshToken = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    /** Refresh calls seen. */
    public final AtomicInteger refreshes = new AtomicInteger();
    /** Whether {@code /actuator/health} answers UP (200) or DOWN (503). */
    public final AtomicBoolean up = new AtomicBoolean(true);

    /** Drops every access token, as a restarted backend with a new signing key would. */
    public void forgetAccessTokens() {
        byAccessToken.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String route = request.getMethod() + " " + request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (route.equals("GET " + ApiPaths.HEALTH)) {
            return up.get() ? json(200, Map.of("status", "UP")) : json(503, Map.of("status", "DOWN"));
        }
        if (route.equals("POST " + ApiPaths.SIGN_IN)) {
            SignInRequest credentials = json.readValue(body, SignInRequest.class);
            AccountView account = accounts.get(credentials.email());
            return account != null && PASSWORD.equals(credentials.password()) ? json(200, tokensFor(account))
                    : refuse(401, "Bad credentials.");
        }
        if (route.equals("POST " + ApiPaths.REFRESH)) {
            refreshes.incrementAndGet();
            AccountView account = byRefreshToken.remove(json.readValue(body, RefreshRequest.class).refreshToken());
            return account == null ? refuse(401, "Unknown refresh token.") : json(200, tokensFor(account));
        }
        if (route.equals("POST " + ApiPaths.SIGN_OUT)) {
            byRefreshToken.remove(json.readValue(body, RefreshRequest.class).refreshToken());
            return new MockResponse.Builder().code(204).build();
        }
        String bearer = String.valueOf(request.getHeaders().get("Authorization")).replaceFirst("^Bearer ", "");
        AccountView caller = byAccessToken.get(bearer);
        if (caller == null) {
            return refuse(401, "Full authentication is required.");
        }
        if (route.equals("GET " + ApiPaths.WHOAMI)) {
            return caller.roles().contains(Role.SRE) ? json(200, new WhoAmI(caller.id(), caller.email(), caller.roles()))
                    : refuse(403, "SRE role required.");
        }
        String query = request.getUrl().encodedQuery();
        return ops(request.getMethod(), request.getUrl().encodedPath() + (query == null ? "" : "?" + query), body);
    }

    /** An authenticated SRE call other than whoami; subclasses answer the ops endpoints they fake. */
    protected MockResponse ops(String method, String pathAndQuery, String body) {
        return refuse(404, "No route for " + method + " " + pathAndQuery);
    }

    private TokenResponse tokensFor(AccountView account) {
        int n = serial.incrementAndGet();
        TokenResponse tokens = new TokenResponse("at" + n, "Bearer", 600, "rt" + n, account);
        byAccessToken.put(tokens.accessToken(), account);
        byRefreshToken.put(tokens.refreshToken(), account);
        return tokens;
    }

    protected MockResponse json(int status, Object payload) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(payload)).build();
    }

    public static MockResponse refuse(int status, String detail) {
        String body = JsonMapper.builder().build()
                .writeValueAsString(new Problem("about:blank", "Request refused", status, detail, "/x"));
        return new MockResponse.Builder().code(status).setHeader("Content-Type", Problem.MEDIA_TYPE).body(body).build();
    }
}
