package dev.marquee.backend.playback.internal;

import dev.marquee.backend.cache.CacheClient;
import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.playback.ResumePosition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resume positions in the EVCache-like cache ({@value #NAME}), in front of the table as EVCache sits in front of
 * Cassandra: reads look in the serving zone first (then the region's other zones), a miss reads the table and fills
 * the cache; every position the heartbeats write goes to the cache too, through each zone's client of the
 * heartbeat's region, so that no zone's near cache (L1) keeps an older position. Never throws: a cache that cannot
 * answer is a miss, a value that cannot be decoded is ignored.
 */
@Component
class ResumeCache {
    static final String NAME = "resume-positions";
    /**
     * Ten minutes: a viewer opens a title page, plays and stops within that; a position written through another
     * region's cache (after a failover) reaches this one's readers within the same time, through the table.
     */
    static final Duration TTL = Duration.ofMinutes(10);

    private final Map<String, CacheClient> byZone = new HashMap<>();
    private final Map<String, List<CacheClient>> byRegion = new HashMap<>();
    private final String defaultZone;
    private final JsonMapper json;

    ResumeCache(Caches caches, TopologySettings topology, JsonMapper json) {
        this.json = json;
        for (TopologySettings.Region region : topology.regions()) {
            List<CacheClient> clients = region.zones().stream().map(zone -> caches.cache(NAME, zone)).toList();
            byRegion.put(region.name(), clients);
            for (int i = 0; i < clients.size(); i++) {
                byZone.put(region.zones().get(i), clients.get(i));
            }
        }
        this.defaultZone = topology.regions().getFirst().zones().getFirst();
    }

    /** The cached position, read from {@code zone}'s side (the first configured zone for an unknown one). */
    Optional<ResumePosition> get(String zone, UUID profileId, UUID titleId) {
        return client(zone).get(key(profileId, titleId)).flatMap(bytes -> {
            try {
                return Optional.of(json.readValue(bytes, ResumePosition.class));
            } catch (RuntimeException unreadable) {
                return Optional.empty(); // a value from an older format: read the table instead
            }
        });
    }

    /** Stores a position read from the table, on the reader's zone side. */
    void fill(String zone, UUID profileId, ResumePosition position) {
        client(zone).put(key(profileId, position.titleId()), json.writeValueAsBytes(position), TTL);
    }

    /** Stores a position just written, through every zone's client of the region. */
    void written(String region, UUID profileId, ResumePosition position) {
        byte[] value = json.writeValueAsBytes(position);
        for (CacheClient client : byRegion.getOrDefault(region, List.of(client(defaultZone)))) {
            client.put(key(profileId, position.titleId()), value, TTL);
        }
    }

    private CacheClient client(String zone) {
        return byZone.getOrDefault(zone, byZone.get(defaultZone));
    }

    private static String key(UUID profileId, UUID titleId) {
        return profileId + ":" + titleId;
    }
}
