package dev.marquee.backend.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.backend.topology.InstanceStatus;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {
    private final FakeRegistry registry = new FakeRegistry();
    private final Set<String> openBreakers = new HashSet<>();
    private final LoadBalancer balancer = new LoadBalancer(registry, new ProtectedCalls() {
        @Override
        public dev.marquee.backend.resilience.Permit tryAcquire(String name) {
            throw new UnsupportedOperationException("the balancer only asks whether a call is permitted");
        }

        @Override
        public boolean isCallPermitted(String name) {
            return !openBreakers.contains(name);
        }
    });

    LoadBalancerTest() {
        registry.add("a1", "us-east-1a");
        registry.add("b1", "us-east-1b");
        registry.add("c1", "us-east-1c");
    }

    @Test
    void roundRobinsAcrossZonesWithoutAZonePreference() {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(balancer.choose("catalog", "us-east-1", null, Set.of()).orElseThrow().id());
        }
        assertThat(picked).containsExactly("a1", "b1", "c1", "a1", "b1", "c1");
    }

    @Test
    void prefersTheCallersZoneAndLeavesItOnlyWhenItHasNoCandidate() {
        assertThat(balancer.choose("catalog", "us-east-1", "us-east-1b", Set.of()).orElseThrow().id()).isEqualTo("b1");
        assertThat(balancer.choose("catalog", "us-east-1", "us-east-1b", Set.of()).orElseThrow().id()).isEqualTo("b1");
        assertThat(balancer.choose("catalog", "us-east-1", "us-east-1b", Set.of("b1")).orElseThrow().id()).isIn("a1", "c1");
    }

    @Test
    void skipsInstancesWhoseBreakerIsOpenAndThoseAlreadyTried() {
        openBreakers.add("instance:a1");
        assertThat(balancer.choose("catalog", "us-east-1", "us-east-1a", Set.of("c1")).orElseThrow().id()).isEqualTo("b1");
        openBreakers.add("instance:b1");
        assertThat(balancer.choose("catalog", "us-east-1", null, Set.of("c1"))).isEmpty();
    }

    /** The registry's read side over a fixed list; registration is not what is tested here. */
    private static final class FakeRegistry implements DiscoveryRegistry {
        private final List<InstanceInfo> instances = new ArrayList<>();

        void add(String id, String zone) {
            Instant t = Instant.EPOCH;
            instances.add(new InstanceInfo(id, "catalog", "us-east-1", zone, URI.create("http://127.0.0.1:1"),
                    InstanceStatus.UP, t, t, t, true));
        }

        @Override public InstanceInfo register(String id, String service, String region, String zone, URI url, boolean local) {
            throw new UnsupportedOperationException();
        }
        @Override public boolean renew(String id) { return false; }
        @Override public void reportStatus(String id, InstanceStatus status) {}
        @Override public boolean cancel(String id, String reason) { return false; }
        @Override public Optional<InstanceInfo> find(String id) { return Optional.empty(); }
        @Override public List<InstanceInfo> instances() { return List.copyOf(instances); }

        @Override
        public List<InstanceInfo> upInstances(String service, String region) {
            return instances.stream().filter(i -> i.service().equals(service) && i.region().equals(region)).toList();
        }
    }
}
