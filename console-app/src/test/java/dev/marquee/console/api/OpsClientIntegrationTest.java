package dev.marquee.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.model.identity.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsClientIntegrationTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeOpsBackend backend = new FakeOpsBackend();
    private final AtomicReference<Instant> clock = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    private OpsClient client;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new OpsClient(server.url("/").toString(), clock::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void admitsAnSreAndProvesTheRoleWithTheOpsEndpoint() throws InterruptedException {
        assertThat(client.signIn(FakeOpsBackend.SRE_EMAIL, FakeOpsBackend.PASSWORD).roles()).contains(Role.SRE);

        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at1");
    }

    @Test
    void refusesAViewerWithTheRoleMessageAndSignsItOut() throws InterruptedException {
        assertThatThrownBy(() -> client.signIn(FakeOpsBackend.VIEWER_EMAIL, FakeOpsBackend.PASSWORD))
                .isInstanceOf(OpsException.class)
                .hasMessage("This account is not an SRE account; the ops console needs the SRE role");

        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/auth/sign-out");
        assertThatThrownBy(client::whoAmI).hasMessage("Your session has ended: sign in again.");
    }

    @Test
    void renewsOnceAndRepeatsTheCallWhenTheTokenIsRejected() {
        client.signIn(FakeOpsBackend.SRE_EMAIL, FakeOpsBackend.PASSWORD);
        backend.forgetAccessTokens();

        assertThat(client.whoAmI().email()).isEqualTo(FakeOpsBackend.SRE_EMAIL);
        assertThat(backend.refreshes).hasValue(1);
    }

    @Test
    void renewsBeforeTheTokenExpires() {
        client.signIn(FakeOpsBackend.SRE_EMAIL, FakeOpsBackend.PASSWORD);
        int before = server.getRequestCount();
        clock.set(clock.get().plusSeconds(600).minus(OpsClient.RENEW_BEFORE_EXPIRY).plusSeconds(1));

        client.whoAmI();

        assertThat(backend.refreshes).hasValue(1);
        assertThat(server.getRequestCount() - before).as("refresh, then one accepted call").isEqualTo(2);
    }

    @Test
    void endsTheSessionWhenTheRefreshTokenIsGoneToo() {
        client.signIn(FakeOpsBackend.SRE_EMAIL, FakeOpsBackend.PASSWORD);
        backend.forgetAccessTokens();
        client.signOut();

        assertThatThrownBy(client::whoAmI).isInstanceOfSatisfying(OpsException.class,
                e -> assertThat(e.failure()).isInstanceOf(OpsFailure.SessionEnded.class));
    }

    @Test
    void saysWrongPasswordOnBadCredentials() {
        assertThatThrownBy(() -> client.signIn(FakeOpsBackend.SRE_EMAIL, "nope")).hasMessage("Wrong email or password.");
    }

    @Test
    void namesTheUrlAndTheFixWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OpsClient offline = new OpsClient("http://127.0.0.1:" + port + "/", clock::get);

        assertThatThrownBy(() -> offline.signIn(FakeOpsBackend.SRE_EMAIL, FakeOpsBackend.PASSWORD))
                .hasMessage("Can't reach Marquee at http://127.0.0.1:" + port
                        + ": is the backend running? Start it with ./marquee up");
        assertThat(offline.healthy()).isFalse();
    }

    @Test
    void reportsHealthFromTheActuator() {
        assertThat(client.healthy()).isTrue();
        backend.up.set(false);
        assertThat(client.healthy()).isFalse();
    }

    @Test
    void passesOnRateLimitsAndProblemDetails() {
        server.setDispatcher(new QueueDispatcher());
        server.enqueue(new MockResponse.Builder(FakeOpsBackend.refuse(429, "Slow down.")).setHeader("Retry-After", "8").build());
        server.enqueue(FakeOpsBackend.refuse(413, "Request body larger than 8 KiB."));

        assertThatThrownBy(() -> client.signIn(FakeOpsBackend.SRE_EMAIL, "x")).hasMessage("Too many attempts — try again in 8 s");
        assertThatThrownBy(() -> client.signIn(FakeOpsBackend.SRE_EMAIL, "x")).hasMessage("Request body larger than 8 KiB.");
    }
}
