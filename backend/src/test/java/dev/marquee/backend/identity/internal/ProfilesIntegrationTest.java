package dev.marquee.backend.identity.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.Role;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class ProfilesIntegrationTest extends BackendIntegrationSupport {
    private static final String PIN = "1234";

    @Autowired
    ApplicationContext context;

    @Test
    void refusesTheSixthProfile() {
        String token = signIn();
        for (int i = 1; i <= ProfileView.MAX_PER_ACCOUNT; i++) {
            assertThat(create(token, "P" + i, null).status()).isEqualTo(201);
        }

        Reply sixth = create(token, "P6", null);
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.isProblem()).isTrue();
        assertThat(http().get(ApiPaths.PROFILES, token).json().size()).isEqualTo(ProfileView.MAX_PER_ACCOUNT);
    }

    @Test
    void locksTheProfileAfterFiveWrongPinsEvenForTheRightOne() {
        String token = signIn();
        String id = create(token, "Locked", PIN).json().path("id").asString();
        for (int i = 1; i < 5; i++) {
            Reply wrong = select(token, id, "0000");
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.json().path("remainingAttempts").asInt()).isEqualTo(5 - i);
        }

        Reply fifth = select(token, id, "0000");
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.isProblem()).isTrue();
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(select(token, id, PIN).status()).isEqualTo(423);
        assertThat(http().get(ApiPaths.PROFILES + "/" + id, token).json().path("locked").asBoolean()).isTrue();
    }

    @Test
    void theRightPinResetsTheFailureCount() {
        String token = signIn();
        String id = create(token, "Reset", PIN).json().path("id").asString();
        for (int i = 0; i < 4; i++) {
            assertThat(select(token, id, "9999").status()).isEqualTo(403);
        }
        assertThat(select(token, id, PIN).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(select(token, id, "9999").status()).isEqualTo(403);
        }
        assertThat(select(token, id, PIN).status()).isEqualTo(200);
    }

    @Test
    void aProfileWithPinNeedsItAndOneWithoutDoesNot() {
        String token = signIn();
        String open = create(token, "Open", null).json().path("id").asString();
        String guarded = create(token, "Guarded", PIN).json().path("id").asString();

        assertThat(http().post(ApiPaths.PROFILES + "/" + open + "/select", token, "{}").status()).isEqualTo(200);
        assertThat(http().send(http().request(ApiPaths.PROFILES + "/" + open + "/select", token)
                .POST(HttpRequest.BodyPublishers.noBody())).status()).as("no body at all").isEqualTo(200);
        Reply missing = http().post(ApiPaths.PROFILES + "/" + guarded + "/select", token, "{}");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().path("type").asString()).endsWith("pin-required");
        assertThat(select(token, guarded, "12a4").status()).as("not four digits").isEqualTo(400);
    }

    @Test
    void updatesAndDeletesAProfileButNotAnotherAccountsOne() {
        String token = signIn();
        String other = signIn();
        String id = create(token, "Sam", null).json().path("id").asString();

        Reply updated = http().put(ApiPaths.PROFILES + "/" + id, token,
                json(map("name", "Sammy", "kids", true, "pin", PIN, "removePin", false)));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("Sammy");
        assertThat(updated.json().path("hasPin").asBoolean()).isTrue();

        assertThat(http().get(ApiPaths.PROFILES + "/" + id, other).status()).isEqualTo(404);
        assertThat(http().delete(ApiPaths.PROFILES + "/" + id, other).status()).isEqualTo(404);
        assertThat(http().delete(ApiPaths.PROFILES + "/" + id, token).status()).isEqualTo(204);
        assertThat(http().get(ApiPaths.PROFILES + "/" + id, token).status()).isEqualTo(404);
    }

    private String signIn() {
        var user = TestAccounts.create(context, Role.VIEWER);
        return http().signIn(user.email(), user.password()).path("accessToken").asString();
    }

    private Reply create(String token, String name, String pin) {
        return http().post(ApiPaths.PROFILES, token, json(map("name", name, "kids", false, "pin", pin)));
    }

    private Reply select(String token, String profileId, String pin) {
        return http().post(ApiPaths.PROFILES + "/" + profileId + "/select", token, json(map("pin", pin)));
    }
}
