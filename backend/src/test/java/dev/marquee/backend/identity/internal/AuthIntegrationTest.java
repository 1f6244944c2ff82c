package dev.marquee.backend.identity.internal;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class AuthIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    ApplicationContext context;

    @Test
    void signInReturnsShortLivedAccessTokenAndRefreshToken() {
        var user = TestAccounts.create(context, Role.VIEWER);
        JsonNode tokens = http().signIn(user.email(), user.password());

        assertThat(tokens.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expiresInSeconds").asLong()).isBetween(1L, 15 * 60L);
        assertThat(tokens.path("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(tokens.path("account").path("email").asString()).isEqualTo(user.email());
        assertThat(tokens.path("account").toString()).doesNotContain("password");

        Reply me = http().get(ApiPaths.ME, tokens.path("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(user.id().toString());
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameProblem() {
        var user = TestAccounts.create(context, Role.VIEWER);
        Reply wrongPassword = http().post(ApiPaths.SIGN_IN, null, json(map("email", user.email(), "password", "nope")));
        Reply unknown = http().post(ApiPaths.SIGN_IN, null, json(map("email", "nobody-" + user.email(), "password", "nope")));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.isProblem()).isTrue();
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail")).isEqualTo(wrongPassword.json().path("detail"));
        assertThat(unknown.json().path("type")).isEqualTo(wrongPassword.json().path("type"));
    }

    @Test
    void refreshRotatesTheTokenAndReuseRevokesTheFamily() {
        var user = TestAccounts.create(context, Role.VIEWER);
        String first = http().signIn(user.email(), user.password()).path("refreshToken").asString();

        Reply rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().path("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.json().path("accessToken").asString()).isNotBlank();

        Reply reused = refresh(first);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.isProblem()).isTrue();
        assertThat(refresh(second).status()).as("the reuse revoked the whole family").isEqualTo(401);
    }

    @Test
    void signOutRevokesTheRefreshToken() {
        var user = TestAccounts.create(context, Role.VIEWER);
        String refreshToken = http().signIn(user.email(), user.password()).path("refreshToken").asString();

        assertThat(http().post(ApiPaths.SIGN_OUT, null, json(map("refreshToken", refreshToken))).status()).isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }

    @Test
    void tooManySignInAttemptsForOneAccountGet429WithRetryAfter() {
        var user = TestAccounts.create(context, Role.VIEWER);
        IdentitySettings settings = context.getBean(IdentitySettings.class);
        for (int i = 0; i < settings.signInPerAccountBurst(); i++) {
            assertThat(http().post(ApiPaths.SIGN_IN, null, json(map("email", user.email(), "password", "guess-" + i))).status())
                    .isEqualTo(401);
        }

        Reply throttled = http().post(ApiPaths.SIGN_IN, null, json(map("email", user.email(), "password", user.password())));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.isProblem()).isTrue();
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void demoAccountsAreWrittenToAnOwnerOnlyCredentialsFileThatWorks() throws Exception {
        Path file = home.resolve("credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets/jwt.key")))).isEqualTo("rw-------");
        Properties credentials = new Properties();
        try (var in = Files.newInputStream(file)) {
            credentials.load(in);
        }

        TestHttp http = http();
        JsonNode viewer = http.signIn(credentials.getProperty("viewer.email"), credentials.getProperty("viewer.password"));
        assertThat(viewer.path("account").path("roles").toString()).isEqualTo("[\"VIEWER\"]");
        JsonNode profiles = http.get(ApiPaths.PROFILES, viewer.path("accessToken").asString()).json();
        assertThat(profiles.size()).isEqualTo(2);
        assertThat(profiles.findValuesAsString("name")).containsExactlyInAnyOrder("Alex", "Kids");

        JsonNode sre = http.signIn(credentials.getProperty("sre.email"), credentials.getProperty("sre.password"));
        assertThat(sre.path("account").path("roles").toString()).contains("SRE").contains("VIEWER");
    }

    @Test
    void opsNeedsTheSreRole() {
        var viewer = TestAccounts.create(context, Role.VIEWER);
        var sre = TestAccounts.create(context, Role.SRE, Role.VIEWER);
        String viewerToken = http().signIn(viewer.email(), viewer.password()).path("accessToken").asString();
        String sreToken = http().signIn(sre.email(), sre.password()).path("accessToken").asString();

        Reply refused = http().get(ApiPaths.WHOAMI, viewerToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();

        Reply whoami = http().get(ApiPaths.WHOAMI, sreToken);
        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.json().path("accountId").asString()).isEqualTo(sre.id().toString());
        assertThat(whoami.json().path("roles").toString()).contains("SRE");
    }

    private Reply refresh(String refreshToken) {
        return http().post(ApiPaths.REFRESH, null, json(map("refreshToken", refreshToken)));
    }
}
