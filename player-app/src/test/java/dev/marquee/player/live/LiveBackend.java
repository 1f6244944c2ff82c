package dev.marquee.player.live;

import dev.marquee.backend.testing.BackendProcess;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.api.PlaybackApi;
import java.io.IOException;
import java.time.InstantSource;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real backend (a child JVM, one per test JVM) with one small published title, shared by the player's
 * real-backend tests, and the few SRE calls they make (edge node states).
 */
public final class LiveBackend {
    public static final String TITLE = "Live Test Pattern";
    /** Long enough for four 4 s segments, so an edge can die mid-play; short enough to encode in seconds. */
    public static final int TITLE_SECONDS = 16;
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static UUID titleId;

    private LiveBackend() {}

    public static BackendProcess backend() {
        return BackendProcess.shared();
    }

    /** The published test title, encoded on first use. */
    public static synchronized UUID title() {
        if (titleId == null) {
            titleId = backend().publishTestTitle(TITLE, WIDTH, HEIGHT, TITLE_SECONDS);
        }
        return titleId;
    }

    /** A client signed in as the demo viewer. */
    public static BackendClient viewer() {
        BackendClient client = new BackendClient(backend().baseUrl(), InstantSource.system());
        BackendProcess.Credentials viewer = backend().viewerCredentials();
        client.signIn(viewer.email(), viewer.password());
        return client;
    }

    /** The viewer's first grown-up profile. */
    public static ProfileView adultProfile(BackendClient viewer) {
        return viewer.profiles().stream().filter(p -> !p.kids()).findFirst().orElseThrow();
    }

    public static PlaybackApi playback(BackendClient viewer, OkHttpClient http) {
        return new PlaybackApi(new ControlPlane(http, backend().baseUrl(), "", InstantSource.system()), viewer, http,
                InstantSource.system());
    }

    /** The id of the edge node listening at {@code baseUrl}, from the SRE's node list. */
    public static String edgeNodeAt(OkHttpClient http, String baseUrl) throws IOException {
        JsonNode nodes = sre(http, new Request.Builder().url(backend().baseUrl() + "/api/ops/edge/nodes").get());
        String wanted = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        for (JsonNode node : nodes) {
            String url = node.path("baseUrl").asString();
            if ((url.endsWith("/") ? url.substring(0, url.length() - 1) : url).equals(wanted)) {
                return node.path("id").asString();
            }
        }
        throw new IllegalStateException("no edge node at " + baseUrl + " in " + nodes);
    }

    /** Sets an edge node's admin state as the SRE: UP, DRAINING or DOWN (DOWN closes its port). */
    public static void setEdgeState(OkHttpClient http, String nodeId, String state) throws IOException {
        sre(http, new Request.Builder().url(backend().baseUrl() + "/api/ops/edge/nodes/" + nodeId + "/state")
                .put(RequestBody.create("{\"state\":\"" + state + "\"}", okhttp3.MediaType.get("application/json"))));
    }

    /** Stops (or starts again) a region's gateway for real, as the SRE: its port refuses connections. */
    public static void setGateway(OkHttpClient http, String region, boolean running) throws IOException {
        String path = (running ? ControlPaths.REGION_GATEWAY_START : ControlPaths.REGION_GATEWAY_STOP)
                .replace("{region}", region);
        sre(http, new Request.Builder().url(backend().baseUrl() + path)
                .post(RequestBody.create("", okhttp3.MediaType.get("application/json"))));
    }

    private static JsonNode sre(OkHttpClient http, Request.Builder request) throws IOException {
        String token = backend().signIn(backend().sreCredentials());
        try (Response response = http.newCall(request.header("Authorization", "Bearer " + token).build()).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("SRE call " + response.request().url() + " answered " + response.code() + ": " + body);
            }
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }
}
