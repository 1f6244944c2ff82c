package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.cache.CacheClient;
import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.catalog.TitlePublished;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.catalog.HomeRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home rows in the EVCache-like cache ({@value #NAME}): every player's home screen asks for them, they are the
 * same for every adult profile (and for every kids profile), and building them costs one query per row. Read from
 * the serving zone's side; a publication drops them in every zone, so a new title shows at once, and the TTL bounds
 * anything else. Never throws: a cache that cannot answer is a miss.
 */
@Component
class HomeRowsCache {
    static final String NAME = "catalog-rows";
    /** A minute: rows change only when a title is published (which clears them), so this only bounds surprises. */
    static final Duration TTL = Duration.ofMinutes(1);

    private final Map<String, CacheClient> byZone = new HashMap<>();
    private final List<CacheClient> all = new ArrayList<>();
    private final String defaultZone;
    private final JsonMapper json;

    HomeRowsCache(Caches caches, TopologySettings topology, JsonMapper json) {
        this.json = json;
        for (TopologySettings.Region region : topology.regions()) {
            for (String zone : region.zones()) {
                CacheClient client = caches.cache(NAME, zone);
                byZone.put(zone, client);
                all.add(client);
            }
        }
        this.defaultZone = topology.regions().getFirst().zones().getFirst();
    }

    Optional<HomeRows> get(String zone, boolean kids) {
        return client(zone).get(key(kids)).flatMap(bytes -> {
            try {
                return Optional.of(json.readValue(bytes, HomeRows.class));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    void put(String zone, boolean kids, HomeRows rows) {
        client(zone).put(key(kids), json.writeValueAsBytes(rows), TTL);
    }

    /** After the publication commits (or at once outside a transaction), every zone forgets the rows. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(TitlePublished published) {
        for (CacheClient client : all) {
            client.delete(key(true));
            client.delete(key(false));
        }
    }

    private CacheClient client(String zone) {
        return byZone.getOrDefault(zone, byZone.get(defaultZone));
    }

    private static String key(boolean kids) {
        return kids ? "kids" : "all";
    }
}
