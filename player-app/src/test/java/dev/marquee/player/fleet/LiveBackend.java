package dev.marquee.player.fleet;

import dev.marquee.backend.testing.BackendProcess;
import dev.marquee.player.engine.StreamingEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real backend (a child JVM, shared by the fleet's tests in this JVM) with one published test title, and a
 * tiny SRE client for its ops API.
 */
final class LiveBackend {
    /** Longer than any fleet in these tests plays, so no viewer reaches the end and starts another session. */
    static final int TITLE_SECONDS = 60;
    /**
     * A short buffer goal: with 4 s segments the players fetch all through the run, so the edges are shown to keep
     * serving during a control-plane outage (a 30 s goal would have the whole test's media fetched up front).
     */
    static final StreamingEngine.Config CONFIG =
            new StreamingEngine.Config(Duration.ofSeconds(8), StreamingEngine.Config.DEFAULT_STALL_THRESHOLD);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LiveBackend instance;

    final BackendProcess backend;
    final UUID titleId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Signed in once: sign-in is throttled per account (5 at once), and the token outlives every test (10 min). */
    private String sreToken;

    private LiveBackend(BackendProcess backend, UUID titleId) {
        this.backend = backend;
        this.titleId = titleId;
    }

    static synchronized LiveBackend get() {
        if (instance == null) {
            BackendProcess backend = BackendProcess.shared();
            instance = new LiveBackend(backend, backend.publishTestTitle("Fleet test pattern", 320, 180, TITLE_SECONDS));
        }
        return instance;
    }

    Fleet.Credentials sre() {
        BackendProcess.Credentials c = backend.sreCredentials();
        return new Fleet.Credentials(c.email(), c.password());
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(backend.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + sreToken());
    }

    private synchronized String sreToken() {
        if (sreToken == null) {
            sreToken = backend.signIn(backend.sreCredentials());
        }
        return sreToken;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
