package dev.marquee.player.api;

import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.DirectorAnswer;
import dev.marquee.model.topology.RegionRoute;
import dev.marquee.player.engine.ControlPlaneRoute;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The player's control-plane failover: learns the regions in preference order from the traffic director
 * ({@code GET /api/director/regions?clientRegion=}, public) and sends API calls to the current region's gateway.
 * When a call to it gets no answer or a 5xx ({@link #failed}), it moves to the next region at once and asks the
 * director again in the background, so that licence renewals, heartbeats and steering go to a living region while
 * the media keeps flowing from the edges. It makes no API call itself but the director's; {@link #call} runs one
 * call with failover for clients such as {@link PlaybackApi}. No JavaFX: the headless engine and the synthetic
 * viewers use it too. Thread-safe.
 *
 * <p>When the director cannot be reached and no region is known, calls go to the director's own address (the
 * local backend serves every API there too), so a single backend without gateways still works.
 */
public final class ControlPlane implements ControlPlaneRoute {

    /**
     * A region that just failed is skipped this long even if the director still lists it: the director checks the
     * gateways every 2 s and needs a few failed checks to drop one, and a player must not bounce back meanwhile.
     */
    public static final Duration FAILED_REGION_PENALTY = Duration.ofSeconds(30);
    /** The director answers from memory; a loopback or in-region call that takes longer than this is not coming. */
    static final Duration DIRECTOR_TIMEOUT = Duration.ofSeconds(3);

    /** One call against a gateway's base URL; throws to report that this region failed. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(String baseUrl) throws IOException;
    }

    /** An answer that says the region is failing (5xx); {@link #call} moves on and the caller sees the last one. */
    public static final class RegionFailure extends IOException {
        private final int status;

        public RegionFailure(String baseUrl, int status) {
            super(baseUrl + " answered HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final OkHttpClient http;
    private final HttpUrl directorUrl;
    private final String clientRegion;
    private final InstantSource clock;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final AtomicBoolean asking = new AtomicBoolean();
    private final Map<String, Instant> failedUntil = new HashMap<>();
    private List<RegionRoute> routes = List.of();
    private int current;
    private boolean learned;

    /**
     * @param directorUrl  the backend that runs the traffic director, e.g. {@code http://127.0.0.1:8080}
     * @param clientRegion the region this client is in (its own region comes first while healthy); blank for none
     */
    public ControlPlane(OkHttpClient http, String directorUrl, String clientRegion, InstantSource clock) {
        this.http = http.newBuilder().callTimeout(DIRECTOR_TIMEOUT).build();
        this.directorUrl = HttpUrl.get(directorUrl);
        this.clientRegion = Objects.requireNonNull(clientRegion, "clientRegion");
        this.clock = clock;
    }

    /** Asks the director now and adopts its answer; false (keeping what it knew) when the director cannot answer. */
    public boolean refresh() {
        DirectorAnswer answer = askDirector();
        if (answer == null) {
            synchronized (this) {
                learned = true; // do not ask again on every call while the director is away
            }
            return false;
        }
        adopt(answer.regions());
        return true;
    }

    @Override
    public String baseUrl() {
        boolean first;
        synchronized (this) {
            first = !learned;
        }
        if (first) {
            refresh();
        }
        synchronized (this) {
            return routes.isEmpty() ? trimmed(directorUrl.toString()) : routes.get(current).gatewayUrl();
        }
    }

    /** The region the calls go to now, or null when none is known (then they go to the director's backend). */
    public synchronized @Nullable String region() {
        return routes.isEmpty() ? null : routes.get(current).region();
    }

    /** The regions known now, best first. */
    public synchronized List<RegionRoute> regions() {
        return routes;
    }

    @Override
    public synchronized int attempts() {
        return Math.max(1, routes.size());
    }

    @Override
    public void failed(String baseUrl, Exception cause) {
        synchronized (this) {
            if (routes.isEmpty()) {
                reaskInBackground(); // on the director's backend for want of regions: maybe it knows some now
                return;
            }
            if (!routes.get(current).gatewayUrl().equals(trimmed(baseUrl))) {
                return; // an older call to a region already left: nothing to do
            }
            failedUntil.put(routes.get(current).region(), clock.instant().plus(FAILED_REGION_PENALTY));
            current = nextHealthy(current);
        }
        reaskInBackground();
    }

    /**
     * Runs {@code attempt} against the current region, and on a transport failure or {@link RegionFailure} against
     * the next ones, each at most once. Other exceptions (an answer the caller rejects) pass through at once.
     *
     * @throws IOException the last failure when every region failed
     */
    public <T> T call(Attempt<T> attempt) throws IOException {
        IOException last = null;
        baseUrl(); // learns the regions on first use, so that the count below is right
        int attempts = attempts();
        for (int i = 0; i < attempts; i++) {
            String base = baseUrl();
            try {
                return attempt.run(base);
            } catch (IOException e) {
                last = e;
                failed(base, e);
                if (baseUrl().equals(base)) {
                    break;
                }
            }
        }
        throw Objects.requireNonNull(last);
    }

    private int nextHealthy(int from) {
        Instant now = clock.instant();
        for (int step = 1; step <= routes.size(); step++) {
            int candidate = (from + step) % routes.size();
            Instant until = failedUntil.get(routes.get(candidate).region());
            if (until == null || !now.isBefore(until)) {
                return candidate;
            }
        }
        return (from + 1) % routes.size(); // all failed lately: keep going round rather than stay on a dead one
    }

    private void adopt(List<RegionRoute> answered) {
        synchronized (this) {
            learned = true;
            if (answered.isEmpty()) {
                return; // the director sees no healthy region: keep trying what we knew
            }
            List<RegionRoute> fresh = new ArrayList<>(answered.size());
            for (RegionRoute route : answered) {
                fresh.add(new RegionRoute(route.region(), trimmed(route.gatewayUrl())));
            }
            routes = List.copyOf(fresh);
            current = routes.size() - 1;
            current = nextHealthy(current); // the best region that has not failed lately
            Instant now = clock.instant();
            failedUntil.values().removeIf(until -> !now.isBefore(until));
        }
    }

    private void reaskInBackground() {
        if (asking.compareAndSet(false, true)) {
            Thread.ofVirtual().name("marquee-director").start(() -> {
                try {
                    DirectorAnswer answer = askDirector();
                    if (answer != null) {
                        adopt(answer.regions());
                    }
                } finally {
                    asking.set(false);
                }
            });
        }
    }

    private @Nullable DirectorAnswer askDirector() {
        HttpUrl.Builder url = Objects.requireNonNull(directorUrl.resolve(ControlPaths.DIRECTOR_REGIONS)).newBuilder();
        if (!clientRegion.isBlank()) {
            url.addQueryParameter("clientRegion", clientRegion);
        }
        Request request = new Request.Builder().url(url.build()).header("Accept", "application/json").get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                return null;
            }
            return json.readValue(response.body().string(), DirectorAnswer.class);
        } catch (IOException | JacksonException e) {
            return null;
        }
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
