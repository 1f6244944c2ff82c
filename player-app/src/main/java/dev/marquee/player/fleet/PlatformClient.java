package dev.marquee.player.fleet;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.catalog.TitlePage;
import dev.marquee.model.identity.RefreshRequest;
import dev.marquee.model.identity.RegisterDeviceRequest;
import dev.marquee.model.identity.SignInRequest;
import dev.marquee.model.identity.SyntheticViewers;
import dev.marquee.model.identity.SyntheticViewersRequest;
import dev.marquee.model.identity.TokenResponse;
import java.io.IOException;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet's few calls to the backend that no player screen makes: the SRE's sign-in, synthetic viewer accounts,
 * the title to play, a viewer's device registration, token refresh and sign-out. Blocking, on the fleet's shared
 * OkHttp client; a failure becomes a {@link FleetException} with a short reason. Playback sessions, steering and
 * region failover are not here: the player's own API client does them.
 */
final class PlatformClient {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Problem bodies are quoted in errors up to this length. */
    private static final int MAX_DETAIL = 200;

    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    PlatformClient(OkHttpClient http) {
        this.http = http;
    }

    TokenResponse signIn(String baseUrl, String email, String password) throws FleetException {
        return call("sign-in", post(baseUrl, ApiPaths.SIGN_IN, new SignInRequest(email, password), null),
                TokenResponse.class);
    }

    SyntheticViewers syntheticViewers(String baseUrl, String sreToken, int count, String prefix) throws FleetException {
        return call("synthetic-viewers", post(baseUrl, ApiPaths.SYNTHETIC_VIEWERS,
                new SyntheticViewersRequest(count, prefix), sreToken), SyntheticViewers.class);
    }

    /** The newest title of the catalog (the one an ingest just published), or an error when there is none. */
    UUID newestTitle(String baseUrl, String token) throws FleetException {
        HttpUrl url = HttpUrl.get(baseUrl).resolve(CatalogPaths.TITLES).newBuilder()
                .addQueryParameter("page", "0").addQueryParameter("size", "1").build();
        TitlePage page = call("catalog", new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .get().build(), TitlePage.class);
        if (page.items().isEmpty()) {
            throw new FleetException("catalog: empty", "the catalog has no title to play: ingest one first "
                    + "(./marquee ingest FILE --title ...) or wait for the sample catalog");
        }
        return page.items().getFirst().id();
    }

    void registerDevice(String baseUrl, String token, String name, String publicKeyBase64) throws FleetException {
        call("device", post(baseUrl, ApiPaths.DEVICES, new RegisterDeviceRequest(name, publicKeyBase64), token),
                JsonNode.class);
    }

    TokenResponse refresh(String baseUrl, String refreshToken) throws FleetException {
        return call("refresh", post(baseUrl, ApiPaths.REFRESH, new RefreshRequest(refreshToken), null),
                TokenResponse.class);
    }

    /** Revokes the refresh token's family; failures are ignored (the token expires on its own). */
    void signOut(String baseUrl, String refreshToken) {
        try (Response ignored = http.newCall(post(baseUrl, ApiPaths.SIGN_OUT, new RefreshRequest(refreshToken), null))
                .execute()) {
            // 204 or not: nothing more to do
        } catch (IOException | RuntimeException ignored) {
            // unreachable backend: the refresh token runs out by itself
        }
    }

    private Request post(String baseUrl, String path, Object body, @Nullable String token) {
        Request.Builder request = new Request.Builder().url(HttpUrl.get(baseUrl).resolve(path))
                .post(RequestBody.create(json.writeValueAsBytes(body), JSON));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private <T> T call(String step, Request request, Class<T> type) throws FleetException {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new FleetException(step + ": HTTP " + response.code(), step + " answered HTTP " + response.code()
                        + ": " + detail(body));
            }
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new FleetException(step + ": unreachable", step + " failed: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new FleetException(step + ": unreadable answer", step + " answered something unreadable: "
                    + e.getOriginalMessage(), e);
        }
    }

    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asString();
            }
        } catch (JacksonException notJson) {
            // quote the body as it is
        }
        return body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) + "…" : body;
    }
}
