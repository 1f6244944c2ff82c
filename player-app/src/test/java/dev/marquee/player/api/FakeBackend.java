package dev.marquee.player.api;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.Problem;
import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.ProfileSelection;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.RefreshRequest;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.SelectProfileRequest;
import dev.marquee.model.identity.SignInRequest;
import dev.marquee.model.identity.TokenResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backend that speaks the identity contract for one viewer, for tests over real loopback HTTP: it checks
 * passwords, bearer tokens, refresh tokens and PINs like the real one, and counts what it was asked. It also
 * serves a catalog ({@link #publish}) with rows, titles, search and artwork bytes.
 */
public final class FakeBackend extends Dispatcher {
    public static final String EMAIL = "viewer@marquee.test";
    public static final String PASSWORD = "correct horse battery";
    public static final String PIN = "2468";
    public static final ProfileView ANA = new ProfileView(UUID.randomUUID(), "Ana", false, false, false, "a");
    public static final ProfileView KIDS = new ProfileView(UUID.randomUUID(), "Kids", true, false, false, "k");
    public static final ProfileView SAM = new ProfileView(UUID.randomUUID(), "Sam", false, true, false, "s");

    private final JsonMapper json = JsonMapper.builder().build();
    private final AccountView account = new AccountView(UUID.randomUUID(), EMAIL, "Viewer", Set.of(Role.VIEWER));
    private final AtomicInteger issued = new AtomicInteger();
    private final FakeCatalog catalog = new FakeCatalog();
    /** Counts every refresh the client asked for. */
    public final AtomicInteger refreshes = new AtomicInteger();
    private volatile long accessTtlSeconds = 900;
    private volatile String access = "";
    private volatile String refresh = "";

    /** Makes the next tokens die this soon after they are issued. */
    public void accessTokenLifetime(long seconds) {
        accessTtlSeconds = seconds;
    }

    /** Forgets the current access token, as a backend restart or a revocation would: its next use gets 401. */
    public void revokeAccessToken() {
        access = "revoked-" + access;
    }

    /** Forgets the current refresh token too, as a sign-out elsewhere would: the session cannot be renewed. */
    public void revokeRefreshToken() {
        refresh = "revoked-" + refresh;
    }

    /** Publishes these titles to the fake catalog (rows, pages, search and artwork). */
    public void publish(List<dev.marquee.model.catalog.TitleDetail> titles) {
        catalog.publish(titles);
    }

    /** Makes every catalog and search call answer with this status (0 to heal). */
    public void failCatalogWith(int status) {
        catalog.failWith(status);
    }

    /** Artwork requests served so far. */
    public int artworkRequests() {
        return catalog.artworkRequests.get();
    }

    /** The kids header of every catalog and search request, in order ("null" when missing). */
    public List<String> kidsHeaders() {
        return List.copyOf(catalog.kidsHeaders);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = Objects.requireNonNull(request.getUrl()).encodedPath();
        java.util.Optional<MockResponse> catalogAnswer = catalog.dispatch(request, path, this);
        if (catalogAnswer.isPresent()) {
            return catalogAnswer.get();
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        return switch (request.getMethod() + " " + path) {
            case "POST " + ApiPaths.SIGN_IN -> signIn(json.readValue(body, SignInRequest.class));
            case "POST " + ApiPaths.REFRESH -> refresh(json.readValue(body, RefreshRequest.class));
            case "POST " + ApiPaths.SIGN_OUT -> new MockResponse.Builder().code(204).build();
            case "GET " + ApiPaths.PROFILES -> authorised(request) ? ok(List.of(ANA, KIDS, SAM)) : problem(401, "Sign in first.");
            case "GET " + ApiPaths.HEALTH -> ok(java.util.Map.of("status", "UP"));
            default -> path.startsWith(ApiPaths.PROFILES + "/") && path.endsWith("/select")
                    ? select(request, json.readValue(body, SelectProfileRequest.class))
                    : problem(404, "No such endpoint: " + path);
        };
    }

    private MockResponse signIn(SignInRequest credentials) {
        if (!EMAIL.equals(credentials.email()) || !PASSWORD.equals(credentials.password())) {
            return problem(401, "Bad credentials.");
        }
        return ok(issue());
    }

    private MockResponse refresh(RefreshRequest request) {
        refreshes.incrementAndGet();
        return refresh.equals(request.refreshToken()) ? ok(issue()) : problem(401, "Refresh token is not valid.");
    }

    private MockResponse select(RecordedRequest request, SelectProfileRequest body) {
        if (!authorised(request)) {
            return problem(401, "Sign in first.");
        }
        String path = request.getUrl().encodedPath();
        ProfileView profile = java.util.stream.Stream.of(ANA, KIDS, SAM).filter(p -> path.contains(p.id().toString()))
                .findFirst().orElse(null);
        if (profile == null) {
            return problem(404, "No such profile.");
        }
        if (profile.hasPin() && !PIN.equals(body.pin())) {
            return problem(403, "Wrong PIN: 4 attempts left.");
        }
        // Like the backend: the profile plus a fresh pair scoped to it; the previous pair stops working.
        return ok(ProfileSelection.of(profile, issue()));
    }

    private TokenResponse issue() {
        int n = issued.incrementAndGet();
        access = "access-" + n;
        refresh = "refresh-" + n;
        return new TokenResponse(access, "Bearer", accessTtlSeconds, refresh, account);
    }

    boolean authorised(RecordedRequest request) {
        return ("Bearer " + access).equals(request.getHeaders().get("Authorization"));
    }

    MockResponse ok(Object payload) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(payload))
                .build();
    }

    static MockResponse problem(int status, String detail) {
        String body = JsonMapper.builder().build().writeValueAsString(new Problem("about:blank", "Refused", status, detail, null));
        return new MockResponse.Builder().code(status).addHeader("Content-Type", Problem.MEDIA_TYPE).body(body).build();
    }
}
