package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Client-side load balancing (the Ribbon role): round-robin over the UP instances of a service in the gateway's
 * region whose circuit breaker is not open, preferring the caller's zone when it has one; instances already tried
 * for this request are skipped. It reads the registry on every pick, so an evicted instance is gone at once.
 */
final class LoadBalancer {
    private final DiscoveryRegistry registry;
    private final ProtectedCalls calls;
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();

    LoadBalancer(DiscoveryRegistry registry, ProtectedCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    static String breakerName(@Nullable InstanceInfo instance) {
        return "instance:" + (instance == null ? "?" : instance.id());
    }

    Optional<InstanceInfo> choose(String service, String region, @Nullable String zone, Collection<String> tried) {
        List<InstanceInfo> up = registry.upInstances(service, region);
        List<InstanceInfo> candidates = new ArrayList<>(up.size());
        List<InstanceInfo> local = new ArrayList<>(up.size());
        for (InstanceInfo instance : up) {
            if (!tried.contains(instance.id()) && calls.isCallPermitted(breakerName(instance))) {
                candidates.add(instance);
                if (instance.zone().equals(zone)) {
                    local.add(instance);
                }
            }
        }
        if (!local.isEmpty()) {
            candidates = local;
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int next = cursors.computeIfAbsent(service + "@" + region, k -> new AtomicInteger()).getAndIncrement();
        return Optional.of(candidates.get(Math.floorMod(next, candidates.size())));
    }
}
