package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.cache.CacheClient;
import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.topology.TopologySettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Endpoint filter for {@code GET /api/home}: the player's home screen in one call. Its parts (profiles, rows,
 * continue watching) are fetched in parallel through the {@link Router}, each with its own time limit; a part that
 * fails answers with its last good value from the cache ({@code STALE}) or is marked {@code DEGRADED} with the
 * reason. The whole answer is 200 as long as the client is allowed in: one part never breaks the screen.
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
    private final ExecutorService executor;
    private final Duration partTimeout;
    private final Duration cacheTtl;

    HomeAggregator(Router router, TopologySettings topology, Caches caches, JsonMapper json, ExecutorService executor,
                   Duration partTimeout, Duration cacheTtl) {
        this.router = router;
        this.topology = topology;
        this.caches = caches;
        this.json = json;
        this.executor = executor;
        this.partTimeout = partTimeout;
        this.cacheTtl = cacheTtl;
    }

    GatewayResponse home(Exchange exchange) {
        CacheClient cache = caches.cache(CACHE_NAME, zoneOf(exchange));
        Map<String, CompletableFuture<Map<String, Object>>> running = new LinkedHashMap<>();
        for (Part part : PARTS) {
            running.put(part.name(), CompletableFuture.supplyAsync(() -> fetch(part, exchange, cache), executor)
                    .orTimeout(partTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> fallback(part, exchange, cache, failure instanceof java.util.concurrent.TimeoutException
                            ? "timed out after " + partTimeout.toMillis() + " ms" : String.valueOf(failure.getMessage()))));
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        running.forEach((name, future) -> parts.put(name, future.join()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", exchange.region());
        body.put("requestId", exchange.requestId());
        body.put("parts", parts);
        return GatewayResponse.of(200, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(body));
    }

    private Map<String, Object> fetch(Part part, Exchange exchange, CacheClient cache) {
        String service = topology.serviceFor(part.path()).orElse("");
        Exchange sub = new Exchange(exchange.region(), "GET", part.path(), null, exchange.headers(), new byte[0],
                exchange.clientAddress(), exchange.clientZone(), exchange.requestId(), new Passport(), exchange.accountId());
        GatewayResponse response = router.forward(sub, service);
        if (response.status() != 200) {
            return fallback(part, exchange, cache, part.path() + " answered " + response.status());
        }
        cache.put(key(part, exchange), response.body(), cacheTtl);
        return part("OK", json.readTree(response.body()), null);
    }

    private Map<String, Object> fallback(Part part, Exchange exchange, CacheClient cache, String reason) {
        Optional<byte[]> last = cache.get(key(part, exchange));
        if (last.isPresent()) {
            return part("STALE", json.readTree(last.get()), reason);
        }
        return part("DEGRADED", null, reason);
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

    private static String key(Part part, Exchange exchange) {
        return exchange.accountId() + ":" + part.name();
    }

    /** The caller's zone when it is one of the region's; else the region's first zone. */
    private String zoneOf(Exchange exchange) {
        var region = topology.region(exchange.region()).orElseThrow();
        String zone = exchange.clientZone();
        return zone != null && region.zones().contains(zone) ? zone : region.zones().getFirst();
    }
}
