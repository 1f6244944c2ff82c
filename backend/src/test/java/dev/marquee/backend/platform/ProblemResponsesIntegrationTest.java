package dev.marquee.backend.platform;

import static dev.marquee.backend.TestHttp.json;
import static dev.marquee.backend.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.Role;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every failure the web layer can produce answers with problem+json, never a page or a stack trace. */
class ProblemResponsesIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    ApplicationContext context;
    @Autowired
    SecuritySettings settings;

    @Test
    void malformedJsonIs400() {
        Reply reply = http().post(ApiPaths.SIGN_IN, null, "{\"email\": ");
        assertProblem(reply, 400);
    }

    @Test
    void invalidBodyIs400WithFieldErrors() {
        Reply reply = http().post(ApiPaths.SIGN_IN, null, json(map("email", "not-an-email", "password", "")));
        assertProblem(reply, 400);
        assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly("email", "password");
    }

    @Test
    void oversizedBodyIs413WhetherDeclaredOrChunked() {
        char[] filler = new char[(int) settings.maxJsonBody().toBytes() + 1];
        Arrays.fill(filler, 'a');
        String body = json(map("email", "a@b.c", "password", new String(filler)));

        assertProblem(http().post(ApiPaths.SIGN_IN, null, body), 413);
        HttpRequest.Builder chunked = http().request(ApiPaths.SIGN_IN, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes())));
        assertProblem(http().send(chunked), 413);
    }

    @Test
    void missingOrBadTokenIs401WithChallenge() {
        Reply none = http().get(ApiPaths.ME, null);
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        Reply forged = http().get(ApiPaths.ME, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertProblem(forged, 401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void unknownPathWrongMethodAndMediaTypeAreProblems() {
        var user = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(user.email(), user.password()).path("accessToken").asString();

        assertProblem(http().get("/api/no-such-thing", token), 404);
        assertProblem(http().get(ApiPaths.SIGN_IN, null), 405);
        assertProblem(http().send(http().request(ApiPaths.SIGN_IN, null).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415);
        assertProblem(http().send(http().request("/api/no-such-thing", token).header("Accept", "text/html").GET()), 404);
        assertProblem(http().get("/error", null), 404);
    }

    @Test
    void hostileBodiesNeverCauseA500() {
        List<String> bodies = List.of("", "null", "[]", "42", "\"text\"", "{\"email\": {\"nested\": true}}",
                "{\"email\": 1e999999, \"password\": []}", "[".repeat(5_000), "{\"email\":\"a@b.c\",\"password\":\"\\ud800\"}",
                "{\"email\":\"a@b.c\",\"password\":\"x\",\"password\":\"y\"}");
        for (String body : bodies) {
            Reply reply = http().post(ApiPaths.SIGN_IN, null, body);
            assertThat(reply.status()).as("body %s", body.length() > 40 ? body.substring(0, 40) : body).isBetween(400, 499);
            assertThat(reply.isProblem()).as("problem+json for %s", body.length() > 40 ? body.substring(0, 40) : body).isTrue();
        }
    }

    @Test
    void anUnexpectedFailureIsABare500Problem() {
        var user = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(user.email(), user.password()).path("accessToken").asString();

        Reply reply = http().get(FailingController.PATH, token);
        assertProblem(reply, 500);
        assertThat(reply.body()).doesNotContain(FailingController.SECRET).doesNotContain("IllegalStateException");
    }

    @Test
    void healthAndApiDescriptionArePublic() {
        Reply health = http().get(ApiPaths.HEALTH, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        Reply openApi = http().get(ApiPaths.OPENAPI, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().path("paths").has(ApiPaths.SIGN_IN)).isTrue();
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).as("problem+json: %s %s", reply.contentType(), reply.body()).isTrue();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
