package dev.marquee.backend.cache.internal;

import dev.marquee.backend.cache.CacheClient;
import dev.marquee.backend.cache.CacheZones;
import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.topology.TopologySettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One replica per zone of the topology; caches are created on first use per (name, zone) and share their region's
 * replicas. Registers each cache's hit ratio and hit counts with Micrometer.
 */
final class ZonedCaches implements Caches, CacheZones {
    /** L1 entries per (cache, zone): small, the point of L1 is the hottest keys. */
    static final long L1_MAX_ENTRIES = 10_000;

    private final Map<String, ZoneReplica> replicas = new LinkedHashMap<>();
    private final Map<String, List<String>> zonesOfRegion = new LinkedHashMap<>();
    private final Map<String, String> regionOfZone = new LinkedHashMap<>();
    private final Map<String, ZonedCacheClient> clients = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    ZonedCaches(TopologySettings topology, InstantSource clock, MeterRegistry meters) {
        this.meters = meters;
        for (TopologySettings.Region region : topology.regions()) {
            zonesOfRegion.put(region.name(), region.zones());
            for (String zone : region.zones()) {
                replicas.put(zone, new ZoneReplica(zone, clock));
                regionOfZone.put(zone, region.name());
            }
        }
    }

    @Override
    public CacheClient cache(String name, String zone) {
        return clients.computeIfAbsent(name + "@" + zone, k -> create(name, zone));
    }

    private ZonedCacheClient create(String name, String zone) {
        ZoneReplica local = replica(zone).orElseThrow(() -> new IllegalArgumentException("no zone " + zone + " in the topology"));
        List<ZoneReplica> others = new ArrayList<>();
        zonesOfRegion.get(regionOfZone.get(zone)).stream().filter(z -> !z.equals(zone)).forEach(z -> others.add(replicas.get(z)));
        ZonedCacheClient client = new ZonedCacheClient(name, local, others, L1_MAX_ENTRIES);
        Gauge.builder("marquee.cache.hit.ratio", client, ZonedCacheClient::hitRatio)
                .tag("cache", name).tag("zone", zone).register(meters);
        for (var level : Map.of("l1", client.l1Hits, "l2_local", client.localHits, "l2_remote", client.remoteHits,
                "miss", client.misses).entrySet()) {
            FunctionCounter.builder("marquee.cache.reads", level.getValue(), java.util.concurrent.atomic.LongAdder::sum)
                    .tag("cache", name).tag("zone", zone).tag("result", level.getKey()).register(meters);
        }
        return client;
    }

    @Override
    public Optional<String> replicaState(String zone) {
        return replica(zone).map(r -> r.state().name());
    }

    @Override
    public String setReplicaState(String zone, String state) {
        ZoneReplica replica = replica(zone).orElseThrow(() -> new IllegalArgumentException("no cache replica in zone " + zone));
        String before = replica.state().name();
        replica.state(ZoneReplica.State.valueOf(state));
        return before;
    }

    Optional<ZoneReplica> replica(String zone) {
        return Optional.ofNullable(replicas.get(zone));
    }

    List<ZoneReplica> replicas() {
        return List.copyOf(replicas.values());
    }

    List<ZonedCacheClient> clients() {
        return clients.values().stream().sorted(java.util.Comparator.comparing(c -> c.name() + "@" + c.zone())).toList();
    }
}
