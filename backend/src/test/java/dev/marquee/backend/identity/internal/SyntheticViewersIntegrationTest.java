package dev.marquee.backend.identity.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.SyntheticViewersRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class SyntheticViewersIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountRepository accounts;

    private String sreToken() {
        var sre = TestAccounts.create(context, Role.SRE, Role.VIEWER);
        return http().signIn(sre.email(), sre.password()).path("accessToken").asString();
    }

    private static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Reply provision(String token, int count, String prefix) {
        return http().post(ApiPaths.SYNTHETIC_VIEWERS, token, json(map("count", count, "prefix", prefix)));
    }

    @Test
    void makesMarkedViewerAccountsWithAProfileAndWorkingTokens() {
        String prefix = prefix();
        Reply reply = provision(sreToken(), 3, prefix);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("created").asInt()).isEqualTo(3);
        JsonNode viewers = reply.json().path("viewers");
        assertThat(viewers.size()).isEqualTo(3);
        assertThat(viewers.get(0).path("email").asString()).isEqualTo(prefix + "-001@" + SyntheticViewersRequest.EMAIL_DOMAIN);
        for (JsonNode viewer : viewers) {
            UUID account = UUID.fromString(viewer.path("accountId").asString());
            assertThat(identity.isSynthetic(account)).isTrue();
            JsonNode tokens = viewer.path("tokens");
            assertThat(tokens.path("account").path("roles").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("VIEWER");
            Reply profiles = http().get(ApiPaths.PROFILES, tokens.path("accessToken").asString());
            assertThat(profiles.status()).isEqualTo(200);
            assertThat(profiles.json().get(0).path("id").asString()).isEqualTo(viewer.path("profileId").asString());
            // the refresh token works like any other
            Reply refreshed = http().post(ApiPaths.REFRESH, null, json(map("refreshToken", tokens.path("refreshToken").asString())));
            assertThat(refreshed.status()).isEqualTo(200);
        }
    }

    @Test
    void isIdempotentByPrefix() {
        String token = sreToken();
        String prefix = prefix();
        JsonNode first = provision(token, 2, prefix).json();
        Reply second = provision(token, 3, prefix);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("created").asInt()).isEqualTo(1);
        assertThat(ids(second.json()).subList(0, 2)).isEqualTo(ids(first));
        assertThat(second.json().path("viewers").get(0).path("profileId").asString())
                .isEqualTo(first.path("viewers").get(0).path("profileId").asString());
        assertThat(second.json().path("viewers").get(0).path("tokens").path("refreshToken").asString())
                .isNotEqualTo(first.path("viewers").get(0).path("tokens").path("refreshToken").asString());
    }

    @Test
    void syntheticAccountsCannotSignInWithAPassword() {
        String prefix = prefix();
        provision(sreToken(), 1, prefix);

        Reply signIn = http().post(ApiPaths.SIGN_IN, null,
                json(map("email", SyntheticViewerAccounts.email(prefix, 1), "password", "")));
        assertThat(signIn.status()).isEqualTo(400); // blank: refused before any lookup
        signIn = http().post(ApiPaths.SIGN_IN, null,
                json(map("email", SyntheticViewerAccounts.email(prefix, 1), "password", "guess")));
        assertThat(signIn.status()).isEqualTo(401);
    }

    @Test
    void refusesViewersAndAnonymousCallers() {
        var viewer = TestAccounts.create(context, Role.VIEWER);
        String viewerToken = http().signIn(viewer.email(), viewer.password()).path("accessToken").asString();
        String prefix = prefix();

        assertThat(provision(viewerToken, 1, prefix).status()).isEqualTo(403);
        assertThat(provision(null, 1, prefix).status()).isEqualTo(401);
        assertThat(accounts.findByEmail(SyntheticViewerAccounts.email(prefix, 1))).isEmpty();
    }

    @Test
    void refusesBadInputWithAProblemAndCreatesNothing() {
        String token = sreToken();
        String prefix = prefix();
        for (Reply bad : List.of(provision(token, 0, prefix), provision(token, SyntheticViewersRequest.MAX_COUNT + 1, prefix),
                provision(token, 1, "Not A Prefix!"), provision(token, 1, "x".repeat(33)),
                http().post(ApiPaths.SYNTHETIC_VIEWERS, token, "{\"count\": 2}"))) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.isProblem()).as(bad.body()).isTrue();
        }
        assertThat(accounts.findByEmail(SyntheticViewerAccounts.email(prefix, 1))).isEmpty();
    }

    @Test
    void neverHandsOutTokensForAPersonsAccount() {
        String prefix = prefix();
        context.getBean(Accounts.class).create(SyntheticViewerAccounts.email(prefix, 2), "A person", "pw-" + UUID.randomUUID(),
                java.util.Set.of(Role.VIEWER));

        Reply refused = provision(sreToken(), 3, prefix);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).doesNotContain("accessToken");
        assertThat(accounts.findByEmail(SyntheticViewerAccounts.email(prefix, 1))).isEmpty(); // rolled back
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("viewers").forEach(v -> ids.add(v.path("accountId").asString()));
        return ids;
    }
}
