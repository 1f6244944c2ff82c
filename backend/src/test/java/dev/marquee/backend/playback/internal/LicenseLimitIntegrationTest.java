package dev.marquee.backend.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.playback.PlaybackPaths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** The licence server's checks and the concurrent-stream limit, against the running backend. */
class LicenseLimitIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    ApplicationContext context;
    @Value("${marquee.license.max-concurrent-streams}")
    int limit;

    UUID title;

    @BeforeEach
    void publishedTitle() throws Exception {
        title = PlaybackClient.publishedTitle(context);
    }

    @Test
    void refusesTheStreamOverTheLimitButRenewsAndFreesSlots() throws Exception {
        PlaybackClient player = PlaybackClient.newViewer(context, http(), http());
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            UUID session = player.startedSession(title);
            player.licensed(title, session);
            sessions.add(session);
        }
        UUID extra = player.startedSession(title);

        TestHttp.Reply refused = player.license(title, extra);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("type").asString()).isEqualTo(LicensePaths.PROBLEM_CONCURRENT_STREAM_LIMIT);
        assertThat(refused.json().path("detail").asString()).contains(Integer.toString(limit));

        License renewed = player.licensed(title, sessions.getFirst());
        assertThat(renewed.sessionId()).isEqualTo(sessions.getFirst());

        assertThat(http().delete(PlaybackPaths.SESSION.replace("{sessionId}", sessions.get(1).toString()), player.token)
                .status()).isEqualTo(204);
        assertThat(http().delete(PlaybackPaths.SESSION.replace("{sessionId}", sessions.get(1).toString()), player.token)
                .status()).as("idempotent").isEqualTo(204);
        assertThat(player.license(title, sessions.get(1)).status()).as("an ended session gets no licence").isEqualTo(403);
        assertThat(player.licensed(title, extra).sessionId()).isEqualTo(extra);
    }

    @Test
    void refusesKeysThatAreNotTheAccountsAndSessionsOfOthers() throws Exception {
        PlaybackClient player = PlaybackClient.newViewer(context, http(), http());
        PlaybackClient other = PlaybackClient.newViewer(context, http(), http());
        UUID session = player.startedSession(title);

        var unregistered = LicenseCodec.newEcKeyPair().getPublic().getEncoded();
        TestHttp.Reply foreignKey = http().post(LicensePaths.LICENSES, player.token, TestHttp.json(new LicenseRequest(
                title, LicenseCodec.deviceId(unregistered), session, Base64.getEncoder().encodeToString(unregistered))));
        assertThat(foreignKey.status()).isEqualTo(403);
        assertThat(foreignKey.json().path("detail").asString()).contains("/api/me/devices");

        TestHttp.Reply wrongId = http().post(LicensePaths.LICENSES, player.token, TestHttp.json(new LicenseRequest(
                title, "00" + LicenseCodec.deviceId(unregistered).substring(2), session,
                Base64.getEncoder().encodeToString(unregistered))));
        assertThat(wrongId.status()).isEqualTo(400);

        // A registered EC key on another curve cannot receive a P-256 wrapped key: refused, not a server error.
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        String p384 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        assertThat(http().post(dev.marquee.model.ApiPaths.DEVICES, player.token,
                TestHttp.json(TestHttp.map("name", "Old player", "publicKey", p384))).status()).isEqualTo(201);
        TestHttp.Reply otherCurve = http().post(LicensePaths.LICENSES, player.token, TestHttp.json(new LicenseRequest(
                title, LicenseCodec.deviceId(Base64.getDecoder().decode(p384)), session, p384)));
        assertThat(otherCurve.status()).isEqualTo(400);
        assertThat(otherCurve.json().path("detail").asString()).contains("P-256");

        assertThat(other.license(title, session).status()).as("another account's session").isEqualTo(403);
        assertThat(player.license(UUID.randomUUID(), session).status()).as("another title").isEqualTo(403);
        assertThat(http().post(LicensePaths.LICENSES, null, "{}").status()).isEqualTo(401);
        assertThat(http().get(LicensePaths.SERVER_KEY, null).json().path("algorithm").asString()).isEqualTo("Ed25519");
    }
}
