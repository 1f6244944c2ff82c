package dev.marquee.player.engine;

import dev.marquee.model.license.License;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.license.ServerKey;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the licence service over the {@link NetworkingEngine} ({@link RequestType#LICENSE}): fetches the
 * server key and posts {@link LicenseRequest}s. It turns a concurrent-stream refusal into
 * {@link LicenseException.ConcurrentStreamLimit}; it verifies nothing (that is the {@link DrmEngine}'s job).
 */
public final class LicenseClient {

    private final NetworkingEngine network;
    private final ControlPlaneRoute controlPlane;
    private final java.util.function.Supplier<String> bearerToken;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    /**
     * @param controlPlane where licence calls go now (the current region's gateway; renewals follow a failover)
     * @param bearerToken  the signed-in session's access token, or a supplier of {@code null}
     */
    public LicenseClient(NetworkingEngine network, ControlPlaneRoute controlPlane,
                         java.util.function.Supplier<String> bearerToken) {
        this.network = network;
        this.controlPlane = controlPlane;
        this.bearerToken = bearerToken;
    }

    /** A licence client for one fixed backend. */
    public LicenseClient(NetworkingEngine network, String backendUrl, java.util.function.Supplier<String> bearerToken) {
        this(network, ControlPlaneRoute.fixed(backendUrl), bearerToken);
    }

    public ServerKey serverKey() throws IOException, InterruptedException {
        return json.readValue(network.get(RequestType.LICENSE, controlPlane, LicensePaths.SERVER_KEY, null).body(),
                ServerKey.class);
    }

    /**
     * @param retry whether to retry transport errors with back-off inside this call (the first request) or to
     *              fail at once and let the caller schedule the next try (renewals during playback)
     */
    public License request(LicenseRequest request, boolean retry)
            throws IOException, InterruptedException, LicenseException {
        try {
            byte[] body = network.postJson(RequestType.LICENSE, controlPlane, LicensePaths.LICENSES,
                    json.writeValueAsBytes(request), bearerToken.get(), retry).body();
            return json.readValue(body, License.class);
        } catch (HttpStatusException e) {
            String detail = problemDetail(e.body());
            if (LicensePaths.PROBLEM_CONCURRENT_STREAM_LIMIT.equals(problemType(e.body()))) {
                throw new LicenseException.ConcurrentStreamLimit(detail != null ? detail
                        : "This account is already playing on its maximum number of screens. Stop one to watch here.");
            }
            if (!e.retryable()) {
                throw new LicenseException("The licence for this title was refused"
                        + (detail != null ? ": " + detail : " (HTTP " + e.status() + ")."), e);
            }
            throw e;
        }
    }

    private String problemType(String body) {
        return field(body, "type");
    }

    private String problemDetail(String body) {
        return field(body, "detail");
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() ? null : value.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
