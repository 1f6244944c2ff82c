package dev.marquee.backend.cache.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.topology.ControlPaths;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cache state for SREs: hit ratios per cache, replica states per zone; a replica can be failed, warmed or brought up. */
@RestController
class CacheController {
    private final ZonedCaches caches;

    CacheController(ZonedCaches caches) {
        this.caches = caches;
    }

    record CacheView(String name, String zone, double hitRatio, long l1Hits, long localHits, long remoteHits, long misses,
                     long replicaFailures) {}

    record ReplicaView(String zone, String state, int entries) {}

    record CacheState(List<CacheView> caches, List<ReplicaView> replicas) {}

    /** Body of {@code PUT /api/ops/cache/zones/{zone}}: UP, WARMING or FAILED. */
    record ReplicaStateRequest(String state) {}

    @GetMapping(ControlPaths.CACHE)
    CacheState state() {
        return new CacheState(
                caches.clients().stream().map(c -> new CacheView(c.name(), c.zone(), c.hitRatio(), c.l1Hits.sum(),
                        c.localHits.sum(), c.remoteHits.sum(), c.misses.sum(), c.replicaFailures.sum())).toList(),
                caches.replicas().stream().map(r -> new ReplicaView(r.zone(), r.state().name(), r.size())).toList());
    }

    @PutMapping(ControlPaths.CACHE + "/zones/{zone}")
    ReplicaView setState(@PathVariable String zone, @RequestBody ReplicaStateRequest request) {
        ZoneReplica replica = caches.replica(zone).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "unknown-zone", "Unknown zone", "no cache replica in zone " + zone));
        ZoneReplica.State state;
        try {
            state = ZoneReplica.State.valueOf(request.state());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-replica-state", "Bad replica state",
                    "state must be UP, WARMING or FAILED");
        }
        replica.state(state);
        return new ReplicaView(zone, state.name(), replica.size());
    }
}
