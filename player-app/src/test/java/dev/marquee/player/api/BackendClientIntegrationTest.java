package dev.marquee.player.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.model.identity.ProfileView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackendClientIntegrationTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeBackend backend = new FakeBackend();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T12:00:00Z"));
    private BackendClient client;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new BackendClient(server.url("/").toString(), now::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signsInAndUsesTheTokenForLaterCalls() {
        assertThat(client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD).email()).isEqualTo(FakeBackend.EMAIL);

        assertThat(client.profiles()).extracting(ProfileView::name).containsExactly("Ana", "Kids", "Sam");
        assertThat(backend.refreshes).hasValue(0);
    }

    @Test
    void refreshesOnceAndRetriesWhenTheAccessTokenIsRejected() {
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        backend.revokeAccessToken();

        assertThat(client.profiles()).hasSize(3);
        assertThat(backend.refreshes).hasValue(1);
    }

    @Test
    void refreshesAheadOfExpiryWithoutWaitingForA401() {
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        now.set(now.get().plusSeconds(900).minus(BackendClient.REFRESH_AHEAD).plusSeconds(1));

        assertThat(client.profiles()).hasSize(3);
        assertThat(backend.refreshes).hasValue(1);
        assertThat(server.getRequestCount()).as("sign-in, refresh, profiles: no rejected attempt").isEqualTo(3);
    }

    @Test
    void reportsAnEndedSessionWhenTheRefreshTokenIsRefusedToo() {
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
        backend.revokeAccessToken();
        backend.revokeRefreshToken();

        assertThatThrownBy(client::profiles)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.SessionExpired.class));
        assertThat(backend.refreshes).as("refreshed once, never looping").hasValue(1);
        assertThat(client.account()).isEmpty();
    }

    @Test
    void saysWrongPasswordOnA401AtSignIn() {
        assertThatThrownBy(() -> client.signIn(FakeBackend.EMAIL, "not it"))
                .isInstanceOf(ApiException.class)
                .hasMessage("Wrong email or password.");
        assertThat(client.account()).isEmpty();
    }

    @Test
    void namesTheAddressAndTheCommandWhenTheBackendIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        BackendClient offline = new BackendClient("http://127.0.0.1:" + closedPort, now::get);

        assertThatThrownBy(() -> offline.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.Unreachable.class))
                .hasMessage("Can't reach Marquee at http://127.0.0.1:" + closedPort
                        + ": is the backend running? Start it with ./marquee up");
    }

    @Test
    void tellsHowLongToWaitWhenRateLimited() {
        server.setDispatcher(new mockwebserver3.QueueDispatcher());
        server.enqueue(new MockResponse.Builder(FakeBackend.problem(429, "Slow down."))
                .setHeader("Retry-After", "17")
                .build());

        assertThatThrownBy(() -> client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isEqualTo(new ApiError.RateLimited(Duration.ofSeconds(17))))
                .hasMessage("Too many attempts — try again in 17 s");
    }

    @Test
    void showsTheProblemDetailOfAnyOtherRefusal() {
        server.setDispatcher(new mockwebserver3.QueueDispatcher());
        server.enqueue(FakeBackend.problem(400, "email: must be a well-formed email address"));

        assertThatThrownBy(() -> client.signIn("nobody", "x"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.Rejected.class))
                .hasMessage("email: must be a well-formed email address");
    }

    @Test
    void signOutForgetsTheTokensAndRevokesTheRefreshToken() throws InterruptedException {
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);

        client.signOut();

        assertThat(client.account()).isEmpty();
        server.takeRequest(); // sign-in
        var revoke = server.takeRequest();
        assertThat(revoke.getUrl().encodedPath()).isEqualTo("/api/auth/sign-out");
        assertThat(revoke.getBody().utf8()).contains("refresh-1");
        assertThatThrownBy(client::profiles).isInstanceOf(ApiException.class).hasMessageContaining("sign in again");
    }

    @Test
    void surfacesAPinRefusalWithTheBackendsWords() {
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);

        assertThatThrownBy(() -> client.selectProfile(FakeBackend.SAM.id(), "0000"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.Forbidden.class))
                .hasMessage("Wrong PIN: 4 attempts left.");
        client.selectProfile(FakeBackend.SAM.id(), FakeBackend.PIN);
    }

    @Test
    void adoptsTheProfileScopedTokensThatSelectingAProfileAnswers() throws InterruptedException {
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);

        client.selectProfile(FakeBackend.KIDS.id(), null);
        assertThat(client.profiles()).hasSize(3);

        assertThat(backend.refreshes).as("the fake refuses the pre-selection token: no 401, no refresh").hasValue(0);
        server.takeRequest(); // sign-in
        server.takeRequest(); // select
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
        client.refresh();
        server.takeRequest(); // refresh
        assertThat(backend.refreshes).hasValue(1);
        assertThat(client.profiles()).as("refreshed with the scoped refresh token").hasSize(3);
    }
}
