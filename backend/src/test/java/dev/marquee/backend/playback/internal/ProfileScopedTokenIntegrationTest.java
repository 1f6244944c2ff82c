package dev.marquee.backend.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.model.search.SearchPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Selecting a profile yields a token scoped to it: a kids profile's token sees no adult title through catalog,
 * search or playback whatever the client's kids header says, and keeps that scope across refreshes. Raw content
 * keys go only to an account that is playing the title.
 */
class ProfileScopedTokenIntegrationTest extends BackendIntegrationSupport {
    /** The shared R-rated title is indexed for search shortly after it is published. */
    static final Duration INDEXED_WITHIN = Duration.ofSeconds(15);

    @Autowired
    ApplicationContext context;

    UUID title;
    String accountToken;
    UUID adultProfile;
    UUID kidsProfile;

    @BeforeEach
    void viewerWithAnAdultAndAKidsProfile() throws Exception {
        title = PlaybackClient.publishedTitle(context);
        TestAccounts.Credentials viewer = TestAccounts.create(context, Role.VIEWER);
        accountToken = http().signIn(viewer.email(), viewer.password()).path("accessToken").asString();
        adultProfile = createProfile("Grown-up", false);
        kidsProfile = createProfile("Little one", true);
    }

    @Test
    void aKidsProfileTokenSeesNoAdultTitleWhateverTheHeaderSays() {
        JsonNode kidsSelection = select(kidsProfile);
        assertThat(kidsSelection.path("id").asString()).as("still a profile view").isEqualTo(kidsProfile.toString());
        assertThat(kidsSelection.path("kids").asBoolean()).isTrue();
        String kidsToken = kidsSelection.path("accessToken").asString();
        assertThat(claims(kidsToken).path("profile").asString()).isEqualTo(kidsProfile.toString());
        assertThat(claims(kidsToken).path("profile_kids").asBoolean()).isTrue();
        String titlePath = CatalogPaths.TITLE.replace("{titleId}", title.toString());
        String searchPath = SearchPaths.SEARCH + "?q=" + URLEncoder.encode("Playback Test", StandardCharsets.UTF_8);

        // The account-level token (no profile selected) sees the R-rated title, in the catalog and in search.
        assertThat(http().get(titlePath, accountToken).status()).isEqualTo(200);
        await().atMost(INDEXED_WITHIN).until(() -> hits(http().get(searchPath, accountToken)).contains(title.toString()));

        // The kids-profile token does not, even when it claims not to be kids.
        assertThat(getClaimingAdult(titlePath, kidsToken).status()).isEqualTo(404);
        TestHttp.Reply search = getClaimingAdult(searchPath, kidsToken);
        assertThat(search.status()).isEqualTo(200);
        assertThat(hits(search)).doesNotContain(title.toString());
        assertThat(getClaimingAdult(CatalogPaths.ROWS, kidsToken).body()).doesNotContain(title.toString());

        // Nor may it play it: not as the kids profile, and not by naming the adult profile of the same account.
        TestHttp.Reply asKids = PlaybackClient.startSession(http(), kidsToken, kidsProfile, title);
        assertThat(asKids.status()).isEqualTo(403);
        TestHttp.Reply asAdult = PlaybackClient.startSession(http(), kidsToken, adultProfile, title);
        assertThat(asAdult.status()).isEqualTo(403);
        assertThat(asAdult.isProblem()).isTrue();
        assertThat(asAdult.json().path("type").asString()).endsWith("profile-mismatch");
        assertThat(PlaybackClient.startSession(http(), accountToken, adultProfile, title).status())
                .as("the same request with the account-level token").isEqualTo(201);

        // A refresh keeps the scope: the next access token is still the kids profile's.
        TestHttp.Reply refreshed = http().post(ApiPaths.REFRESH, null,
                TestHttp.json(TestHttp.map("refreshToken", kidsSelection.path("refreshToken").asString())));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String refreshedToken = refreshed.json().path("accessToken").asString();
        assertThat(claims(refreshedToken).path("profile").asString()).isEqualTo(kidsProfile.toString());
        assertThat(claims(refreshedToken).path("profile_kids").asBoolean()).isTrue();
        assertThat(getClaimingAdult(titlePath, refreshedToken).status()).isEqualTo(404);
    }

    @Test
    void anAdultProfileTokenSeesTheTitleAndActsOnlyForItsProfile() {
        String adultToken = select(adultProfile).path("accessToken").asString();
        assertThat(claims(adultToken).path("profile_kids").asBoolean()).isFalse();

        assertThat(http().get(CatalogPaths.TITLE.replace("{titleId}", title.toString()), adultToken).status()).isEqualTo(200);
        assertThat(PlaybackClient.startSession(http(), adultToken, kidsProfile, title).status()).isEqualTo(403);
        assertThat(PlaybackClient.startSession(http(), adultToken, adultProfile, title).status()).isEqualTo(201);
    }

    @Test
    void rawContentKeysGoOnlyToAnAccountPlayingTheTitle() {
        String keyPath = ContentKeys.deliveryPath(title);
        TestHttp.Reply refused = http().get(keyPath, accountToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("type").asString()).endsWith("no-playback-session");

        TestHttp.Reply started = PlaybackClient.startSession(http(), accountToken, adultProfile, title);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        TestHttp.Reply delivered = http().get(keyPath, accountToken);
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.contentType()).startsWith("application/octet-stream");

        String sessionPath = PlaybackPaths.SESSION.replace("{sessionId}", started.json().path("sessionId").asString());
        assertThat(http().delete(sessionPath, accountToken).status()).isEqualTo(204);
        assertThat(http().get(keyPath, accountToken).status()).as("after the session ended").isEqualTo(403);
    }

    private UUID createProfile(String name, boolean kids) {
        TestHttp.Reply created = http().post(ApiPaths.PROFILES, accountToken,
                TestHttp.json(TestHttp.map("name", name, "kids", kids)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().path("id").asString());
    }

    private JsonNode select(UUID profileId) {
        TestHttp.Reply reply = http().post(ApiPaths.PROFILE_SELECT.replace("{profileId}", profileId.toString()),
                accountToken, "{}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private TestHttp.Reply getClaimingAdult(String path, String token) {
        return http().send(http().request(path, token).header(CatalogPaths.PROFILE_KIDS_HEADER, "false").GET());
    }

    private static String hits(TestHttp.Reply search) {
        StringBuilder ids = new StringBuilder();
        search.json().path("hits").forEach(hit -> ids.append(hit.path("titleId").asString()).append(' '));
        return ids.toString();
    }

    /** The payload of a JWT, unverified: the test only reads what the backend put there. */
    private static JsonNode claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return PlaybackClient.json(payload);
    }
}
