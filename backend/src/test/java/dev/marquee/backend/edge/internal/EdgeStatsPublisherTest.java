package dev.marquee.backend.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeFaults;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeStats;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import dev.marquee.model.metrics.EdgeStatsSample;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeStatsPublisherTest {
    private final List<Object> published = new ArrayList<>();
    private final List<EdgeNodeView> nodes = new ArrayList<>();

    @Test
    void publishesWhatEachCacheNodeDidSinceTheLastSampleAndNothingForTheOrigin() {
        EdgeStatsPublisher publisher = new EdgeStatsPublisher(fleet(), published::add,
                Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC));
        set(node("origin", EdgeTier.ORIGIN, 50, 0, 9_000), node("isp-a", EdgeTier.ISP, 10, 2, 1_000));
        publisher.sample(); // primes
        assertThat(published).isEmpty();

        set(node("origin", EdgeTier.ORIGIN, 80, 0, 12_000), node("isp-a", EdgeTier.ISP, 17, 3, 1_900));
        publisher.sample();

        assertThat(published).singleElement().isInstanceOfSatisfying(EdgeStatsSample.class, s -> {
            assertThat(s.nodeId()).isEqualTo("isp-a");
            assertThat(s.region()).isEqualTo("us-east-1");
            assertThat(s.tier()).isEqualTo(2);
            assertThat(s.hits()).isEqualTo(7);
            assertThat(s.misses()).isEqualTo(1);
            assertThat(s.bytesServed()).isEqualTo(900);
        });
    }

    @Test
    void anIdleNodeSendsNothingAndARestartedOneCountsFromZero() {
        EdgeStatsPublisher publisher = new EdgeStatsPublisher(fleet(), published::add,
                Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC));
        set(node("isp-a", EdgeTier.ISP, 10, 2, 1_000));
        publisher.sample();
        publisher.sample();
        assertThat(published).isEmpty();

        set(node("isp-a", EdgeTier.ISP, 3, 1, 400)); // counters went back: the node restarted
        publisher.sample();
        assertThat(published).singleElement().isInstanceOfSatisfying(EdgeStatsSample.class,
                s -> assertThat(s.hits() + s.misses()).isEqualTo(4));
    }

    private void set(EdgeNodeView... views) {
        nodes.clear();
        nodes.addAll(List.of(views));
    }

    private static EdgeNodeView node(String id, EdgeTier tier, long hits, long misses, long served) {
        return new EdgeNodeView(id, tier, "us-east-1", tier == EdgeTier.ISP ? "isp" : null,
                URI.create("http://127.0.0.1:1"), EdgeAdminState.UP, true,
                new EdgeNodeStats(hits + misses, hits, misses, served, 0, 0, 0.0, 0, 0, 0, 0), Set.of());
    }

    private EdgeManagement fleet() {
        return new EdgeManagement() {
            public List<EdgeNodeView> nodes() { return List.copyOf(nodes); }
            public Optional<EdgeNodeView> node(String id) { return Optional.empty(); }
            public EdgeNodeView setState(String id, EdgeAdminState state) { throw new UnsupportedOperationException(); }
            public EdgeFaults injectFaults(String id, EdgeFaults faults) { throw new UnsupportedOperationException(); }
            public EdgeFaults faults(String id) { return EdgeFaults.NONE; }
            public URI originUrl() { return URI.create("http://127.0.0.1:1"); }
            public EdgeUrlSigner urlSigner() { throw new UnsupportedOperationException(); }
        };
    }
}
