package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    static String breakerName(InstanceInfo instance) {
        return "instance:" + instance.id();
    }

    Optional<InstanceInfo> choose(String service, String region, @Nullable String zone, Set<String> tried) {
        List<InstanceInfo> candidates = registry.upInstances(service, region).stream()
                .filter(i -> !tried.contains(i.id()))
                .filter(i -> calls.isCallPermitted(breakerName(i)))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (zone != null) {
            List<InstanceInfo> local = candidates.stream().filter(i -> i.zone().equals(zone)).toList();
            if (!local.isEmpty()) {
                candidates = local;
            }
        }
        int next = cursors.computeIfAbsent(service + "@" + region, k -> new AtomicInteger()).getAndIncrement();
        return Optional.of(candidates.get(Math.floorMod(next, candidates.size())));
    }
}
