package dev.marquee.backend.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.TestHttp;
import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.encoding.EncodingManagement;
import dev.marquee.backend.encoding.IngestRequest;
import dev.marquee.backend.encoding.JobState;
import dev.marquee.backend.encoding.TitleMetadataInput;
import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.backend.testsupport.TestMasters;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.playback.PlaybackPaths;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a player does against the backend, as plain HTTP calls in the order a player makes them: sign in, pick a
 * profile, register the device key, start a session, ask for a licence. Plus the one published title the playback
 * tests share (encoded once per test JVM: a few seconds of 320×180).
 */
final class PlaybackClient {
    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    /** Encoding a 4 s master takes seconds; a loaded 2-core CI machine gets generous room. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(3);
    /** A few segments at the encoder's segment length, no more: the test fetches one. */
    static final int MASTER_SECONDS = 4;
    private static @Nullable UUID sharedTitle;

    final TestHttp http;
    final String token;
    final UUID profileId;
    final KeyPair device;
    final String devicePublicKey;

    private PlaybackClient(TestHttp http, String token, UUID profileId, KeyPair device) {
        this.http = http;
        this.token = token;
        this.profileId = profileId;
        this.device = device;
        this.devicePublicKey = Base64.getEncoder().encodeToString(device.getPublic().getEncoded());
    }

    /** A fresh viewer account with one adult profile and a registered device key. */
    static PlaybackClient newViewer(ApplicationContext context, TestHttp direct, TestHttp via) throws Exception {
        TestAccounts.Credentials account = TestAccounts.create(context, Role.VIEWER);
        String token = direct.signIn(account.email(), account.password()).path("accessToken").asString();
        var profile = via.post(ApiPaths.PROFILES, token, TestHttp.json(TestHttp.map("name", "Sam", "kids", false)));
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return withDevice(via, token, UUID.fromString(profile.json().path("id").asString()));
    }

    /** Registers a new EC P-256 device key for the signed-in account (the player's first call after sign-in). */
    static PlaybackClient withDevice(TestHttp via, String token, UUID profileId) throws GeneralSecurityException {
        KeyPair device = LicenseCodec.newEcKeyPair();
        var registered = via.post(ApiPaths.DEVICES, token, TestHttp.json(TestHttp.map("name", "Test player",
                "publicKey", Base64.getEncoder().encodeToString(device.getPublic().getEncoded()))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new PlaybackClient(via, token, profileId, device);
    }

    TestHttp.Reply startSession(UUID titleId, @Nullable String region, @Nullable String isp) {
        return http.post(PlaybackPaths.SESSIONS, token, TestHttp.json(TestHttp.map("titleId", titleId,
                "profileId", profileId, "region", region, "isp", isp)));
    }

    /** {@code POST /api/playback/sessions} for any profile, e.g. one that must be refused. */
    static TestHttp.Reply startSession(TestHttp http, String token, UUID profileId, UUID titleId) {
        return http.post(PlaybackPaths.SESSIONS, token, TestHttp.json(TestHttp.map("titleId", titleId,
                "profileId", profileId)));
    }

    UUID startedSession(UUID titleId) {
        TestHttp.Reply reply = startSession(titleId, null, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return UUID.fromString(reply.json().path("sessionId").asString());
    }

    TestHttp.Reply license(UUID titleId, UUID sessionId) {
        return http.post(LicensePaths.LICENSES, token, TestHttp.json(new LicenseRequest(titleId,
                LicenseCodec.deviceId(device.getPublic().getEncoded()), sessionId, devicePublicKey)));
    }

    License licensed(UUID titleId, UUID sessionId) {
        TestHttp.Reply reply = license(titleId, sessionId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return JSON.readValue(reply.body(), License.class);
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** The shared published title (rated R, so kids profiles may not play it), encoded on first use. */
    static synchronized UUID publishedTitle(ApplicationContext context) throws Exception {
        if (sharedTitle == null) {
            java.nio.file.Path master = TestMasters.make(Files.createTempDirectory("playback-master-").resolve("master.mp4"),
                    TestMasters.flat(TestMasters.WIDTH, TestMasters.HEIGHT), MASTER_SECONDS, true);
            var job = context.getBean(EncodingManagement.class).submit(new IngestRequest(master.toString(),
                    new TitleMetadataInput("Playback Test", "A title to play.", List.of("Drama"), 2024, "R", null)));
            EncodingManagement encoding = context.getBean(EncodingManagement.class);
            await().atMost(PUBLISH_TIMEOUT).until(() -> encoding.find(job.id()).orElseThrow().state().isFinal());
            assertThat(encoding.find(job.id()).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
            CatalogManagement catalog = context.getBean(CatalogManagement.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> catalog.findTitle(job.titleId()).isPresent());
            sharedTitle = job.titleId();
        }
        return sharedTitle;
    }
}
