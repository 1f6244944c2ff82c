package dev.marquee.backend.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.topology.InstanceEvicted;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.backend.topology.InstanceStatusChanged;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRegistryTest {
    private static final Duration LEASE = Duration.ofSeconds(15);
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Object> events = new ArrayList<>();

    private InMemoryRegistry registry(boolean selfPreservation) {
        return new InMemoryRegistry(clock, LEASE, selfPreservation, 0.5, events::add);
    }

    private static void up(InMemoryRegistry registry, String id, String zone) {
        registry.register(id, "catalog", "us-east-1", zone, URI.create("http://127.0.0.1:1"), true);
        registry.reportStatus(id, InstanceStatus.UP);
    }

    @Test
    void evictsAnInstanceOnlyAfterItsLeaseRunsOutWithoutRenewal() {
        InMemoryRegistry registry = registry(true);
        for (String id : List.of("a", "b", "c", "d")) {
            up(registry, id, "us-east-1a");
        }
        clock.advance(Duration.ofSeconds(10));
        List.of("a", "b", "c").forEach(registry::renew);
        clock.advance(Duration.ofSeconds(6));

        assertThat(registry.evictExpired()).isEqualTo(1);
        assertThat(registry.find("d")).isEmpty();
        assertThat(registry.upInstances("catalog", "us-east-1")).extracting(i -> i.id()).containsExactly("a", "b", "c");
        assertThat(events).filteredOn(InstanceEvicted.class::isInstance).hasSize(1);
    }

    @Test
    void selfPreservationKeepsLeasesWhenMostInstancesStopRenewingAtOnce() {
        InMemoryRegistry registry = registry(true);
        for (String id : List.of("a", "b", "c", "d")) {
            up(registry, id, "us-east-1a");
        }
        clock.advance(Duration.ofSeconds(10));
        registry.renew("a");
        clock.advance(Duration.ofSeconds(6));

        assertThat(registry.evictExpired()).isZero();
        assertThat(registry.selfPreservationActive()).isTrue();
        assertThat(registry.selfPreservationExplained()).contains("ACTIVE");
        assertThat(registry.instances()).hasSize(4);
    }

    @Test
    void withoutSelfPreservationEveryExpiredLeaseIsEvicted() {
        InMemoryRegistry registry = registry(false);
        up(registry, "a", "us-east-1a");
        up(registry, "b", "us-east-1b");
        clock.advance(LEASE.plusSeconds(1));

        assertThat(registry.evictExpired()).isEqualTo(2);
        assertThat(registry.instances()).isEmpty();
    }

    @Test
    void outOfServiceOverridesWhatTheInstanceReportsUntilPutBack() {
        InMemoryRegistry registry = registry(true);
        up(registry, "a", "us-east-1a");

        registry.takeOutOfService("a", "sre@marquee.test", "bad deploy");
        registry.reportStatus("a", InstanceStatus.UP);
        assertThat(registry.find("a").orElseThrow().status()).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
        assertThat(registry.upInstances("catalog", "us-east-1")).isEmpty();

        registry.putBackInService("a", "sre@marquee.test", "fixed");
        assertThat(registry.find("a").orElseThrow().status()).isEqualTo(InstanceStatus.UP);
        assertThat(events).filteredOn(InstanceStatusChanged.class::isInstance).map(e -> ((InstanceStatusChanged) e).by())
                .contains("sre@marquee.test");
    }

    @Test
    void anInstanceCannotDeclareItselfOutOfService() {
        InMemoryRegistry registry = registry(true);
        up(registry, "a", "us-east-1a");
        assertThatThrownBy(() -> registry.reportStatus("a", InstanceStatus.OUT_OF_SERVICE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aForgottenInstanceIsToldToRegisterAgain() {
        InMemoryRegistry registry = registry(true);
        up(registry, "a", "us-east-1a");
        registry.cancel("a", "evicted by an SRE");

        assertThat(registry.renew("a")).isFalse();
    }
}
