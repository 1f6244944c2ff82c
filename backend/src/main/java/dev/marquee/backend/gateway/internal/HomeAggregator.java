package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.cache.CacheClient;
import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.topology.TopologySettings;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Endpoint filter for {@code GET /api/home}: the player's home screen in one call. Its parts (profiles, rows,
 * continue watching) are forwarded at once through the {@link Router}, each with its own time limit (a task on the
 * request's event loop); a part that fails answers with its last good value from the cache ({@code STALE}) or is
 * marked {@code DEGRADED} with the reason. The whole answer is 200 as long as the client is allowed in: one part
 * never breaks the screen. Runs on the request's event loop; nothing blocks.
 */
final class HomeAggregator {
    /** One part: its name and the path it is fetched from. */
    record Part(String name, String path) {}

    static final List<Part> PARTS = List.of(
            new Part("profiles", "/api/me/profiles"),
            new Part("rows", "/api/catalog/rows"),
            new Part("continueWatching", "/api/playback/continue-watching"));
    static final String CACHE_NAME = "home-parts";

    private final Router router;
    private final TopologySettings topology;
    private final Caches caches;
    private final JsonMapper json;
    private final Duration partTimeout;
    private final Duration cacheTtl;

    HomeAggregator(Router router, TopologySettings topology, Caches caches, JsonMapper json, Duration partTimeout,
                   Duration cacheTtl) {
        this.router = router;
        this.topology = topology;
        this.caches = caches;
        this.json = json;
        this.partTimeout = partTimeout;
        this.cacheTtl = cacheTtl;
    }

    void home(Exchange exchange, Consumer<GatewayResponse> done) {
        new Aggregation(exchange, caches.cache(CACHE_NAME, zoneOf(exchange)), done).start();
    }

    /** One home screen being put together; every method runs on the exchange's event loop. */
    private final class Aggregation {
        private final Exchange exchange;
        private final CacheClient cache;
        private final Consumer<GatewayResponse> done;
        private final Map<String, Object> parts = new LinkedHashMap<>();
        private int pending = PARTS.size();

        Aggregation(Exchange exchange, CacheClient cache, Consumer<GatewayResponse> done) {
            this.exchange = exchange;
            this.cache = cache;
            this.done = done;
            PARTS.forEach(p -> parts.put(p.name(), null)); // the answer keeps the parts' order
        }

        void start() {
            for (Part part : PARTS) {
                boolean[] settled = new boolean[1];
                ScheduledFuture<?> limit = exchange.loop().schedule(() -> {
                    if (!settled[0]) {
                        settled[0] = true;
                        settle(part, fallback(part, "timed out after " + partTimeout.toMillis() + " ms"));
                    }
                }, partTimeout.toNanos(), TimeUnit.NANOSECONDS);
                String service = topology.serviceFor(part.path()).orElse("");
                router.forward(exchange.part(part.path()), service, response -> {
                    limit.cancel(false);
                    if (!settled[0]) {
                        settled[0] = true;
                        settle(part, fetched(part, response));
                    }
                });
            }
        }

        private Map<String, Object> fetched(Part part, GatewayResponse response) {
            if (response.status() != 200) {
                return fallback(part, part.path() + " answered " + response.status());
            }
            try {
                JsonNode data = json.readTree(response.body());
                cache.put(key(part), response.body(), cacheTtl);
                return part("OK", data, null);
            } catch (JacksonException e) {
                return fallback(part, part.path() + " answered what is not JSON");
            }
        }

        private Map<String, Object> fallback(Part part, String reason) {
            Optional<byte[]> last = cache.get(key(part));
            if (last.isPresent()) {
                return part("STALE", json.readTree(last.get()), reason);
            }
            return part("DEGRADED", null, reason);
        }

        private void settle(Part part, Map<String, Object> answer) {
            parts.put(part.name(), answer);
            if (--pending == 0) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("region", exchange.region());
                body.put("requestId", exchange.requestId());
                body.put("parts", parts);
                done.accept(GatewayResponse.of(200, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(body)));
            }
        }

        private String key(Part part) {
            return exchange.accountId() + ":" + part.name();
        }
    }

    private static Map<String, Object> part(String status, @Nullable JsonNode data, @Nullable String reason) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", status);
        if (data != null) {
            part.put("data", data);
        }
        if (reason != null) {
            part.put("reason", reason);
        }
        return part;
    }

    /** The caller's zone when it is one of the region's; else the region's first zone. */
    private String zoneOf(Exchange exchange) {
        var region = topology.region(exchange.region()).orElseThrow();
        String zone = exchange.clientZone();
        return zone != null && region.zones().contains(zone) ? zone : region.zones().getFirst();
    }
}
