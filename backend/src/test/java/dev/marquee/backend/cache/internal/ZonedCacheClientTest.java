package dev.marquee.backend.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.topology.internal.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZonedCacheClientTest {
    private static final Duration TTL = Duration.ofMinutes(1);
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ZoneReplica a = new ZoneReplica("us-east-1a", clock);
    private final ZoneReplica b = new ZoneReplica("us-east-1b", clock);
    private final ZoneReplica c = new ZoneReplica("us-east-1c", clock);

    private ZonedCacheClient client(ZoneReplica local, ZoneReplica... others) {
        return new ZonedCacheClient("rows", local, List.of(others), 100);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWriteReachesEveryZoneSoAnotherZonesClientReadsItFromItsOwnReplica() {
        client(a, b, c).put("k", bytes("v"), TTL);

        ZonedCacheClient inB = client(b, a, c);
        assertThat(inB.get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v")));
        assertThat(inB.localHits.sum()).isEqualTo(1);
        assertThat(c.size()).isEqualTo(1);
    }

    @Test
    void readsFallBackToAnotherZoneWhenTheLocalReplicaFails() {
        client(a, b, c).put("k", bytes("v"), TTL);
        a.state(ZoneReplica.State.FAILED);

        ZonedCacheClient inA = client(a, b, c);
        assertThat(inA.get("k")).isPresent();
        assertThat(inA.remoteHits.sum()).isEqualTo(1);
        assertThat(inA.replicaFailures.sum()).isEqualTo(1);
    }

    @Test
    void aWarmingReplicaTakesWritesButServesNoReads() {
        b.state(ZoneReplica.State.WARMING);
        client(a, b, c).put("k", bytes("v"), TTL);
        assertThat(b.size()).isEqualTo(1);

        ZonedCacheClient inB = client(b, a, c);
        assertThat(inB.get("k")).isPresent();
        assertThat(inB.localHits.sum()).isZero();
        assertThat(inB.remoteHits.sum()).isEqualTo(1);
    }

    @Test
    void entriesExpireAfterTheirTtlAndCountAsMisses() {
        ZonedCacheClient writer = client(a, b, c);
        writer.put("k", bytes("v"), TTL);
        clock.advance(TTL.plusSeconds(1));

        ZonedCacheClient reader = client(b, a, c);
        assertThat(reader.get("k")).isEmpty();
        assertThat(reader.misses.sum()).isEqualTo(1);
        assertThat(reader.hitRatio()).isZero();
    }

    @Test
    void theL1AnswersRepeatedReads() {
        ZonedCacheClient client = client(a, b, c);
        client.put("k", bytes("v"), TTL);
        client.get("k");
        client.get("k");
        assertThat(client.l1Hits.sum()).isEqualTo(2);
        assertThat(client.hitRatio()).isEqualTo(1.0);
    }
}
