package dev.marquee.player.engine;

import java.util.Objects;

/**
 * Where the engine's control-plane calls go (licences, steering, heartbeats): the gateway of the region in use now.
 * The engine asks {@link #baseUrl()} before every call and reports a call that got no answer (connection refused,
 * timeout) or a 5xx with {@link #failed}; the implementation then moves to the next region, so the following calls
 * (the licence renewal, the next heartbeat, the next steering request) go there while the media keeps flowing from
 * the edges. It does not make calls itself. Thread-safe: the streaming thread and OkHttp's threads use it.
 */
public interface ControlPlaneRoute {

    /** The base URL (scheme, host, port, no path) to send the next call to. */
    String baseUrl();

    /** A call to {@code baseUrl} failed without a usable answer; move on if it is still the current one. */
    void failed(String baseUrl, Exception cause);

    /** How many base URLs one call may try in a row before it counts as failed (the regions known now). */
    int attempts();

    /** One fixed backend: no failover (tests, benchmarks, a single local backend). */
    static ControlPlaneRoute fixed(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new ControlPlaneRoute() {
            @Override
            public String baseUrl() {
                return base;
            }

            @Override
            public void failed(String failed, Exception cause) {
            }

            @Override
            public int attempts() {
                return 1;
            }
        };
    }
}
