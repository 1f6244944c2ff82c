package dev.marquee.player.fleet;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.SyntheticViewers;
import dev.marquee.model.identity.SyntheticViewersRequest;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one call of the fleet that no player makes: {@code POST /api/ops/synthetic-viewers} with the SRE's token,
 * for one account (and token pair) per synthetic viewer. Everything else goes through the player's own clients
 * ({@code BackendClient}, {@code PlaybackApi}, {@code ControlPlane}).
 */
final class PlatformClient {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Problem bodies are quoted in errors up to this length. */
    private static final int MAX_DETAIL = 200;
    /** Hundreds of accounts are made in one transaction (bcrypt cost 4, a token pair each): seconds, not minutes. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    PlatformClient(OkHttpClient http) {
        this.http = http.newBuilder().callTimeout(CALL_TIMEOUT).readTimeout(CALL_TIMEOUT).build();
    }

    SyntheticViewers syntheticViewers(String baseUrl, String sreToken, int count, String prefix) throws FleetException {
        Request request = new Request.Builder().url(HttpUrl.get(baseUrl).resolve(ApiPaths.SYNTHETIC_VIEWERS))
                .header("Authorization", "Bearer " + sreToken)
                .post(RequestBody.create(json.writeValueAsBytes(new SyntheticViewersRequest(count, prefix)), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new FleetException("synthetic-viewers: HTTP " + response.code(),
                        "the backend refused synthetic viewers (HTTP " + response.code() + "): " + detail(body));
            }
            return json.readValue(body, SyntheticViewers.class);
        } catch (IOException e) {
            throw new FleetException("synthetic-viewers: unreachable", "cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new FleetException("synthetic-viewers: unreadable answer", e.getOriginalMessage(), e);
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
