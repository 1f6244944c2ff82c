package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static dev.marquee.backend.edge.node.EdgeTestSupport.getSigned;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.EdgeNodeStats;
import dev.marquee.backend.edge.EdgeTier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose cache is smaller than what it is asked for stays within capacity on disk and in its index. */
class EvictionIntegrationTest {

    private static final int OBJECT_BYTES = 200_000;
    private static final long CAPACITY_BYTES = 5L * OBJECT_BYTES;
    private static final int OBJECTS = 12;

    @TempDir
    Path dir;

    @Test
    void evictsToStayWithinCapacityAndDeletesEvictedFiles() throws Exception {
        Path originRoot = dir.resolve("origin");
        for (int i = 0; i < OBJECTS; i++) {
            writeObject(originRoot, key(i), OBJECT_BYTES);
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER));
             EdgeNode isp = EdgeNode.start(EdgeNodeConfig.cache("isp-e", EdgeTier.ISP, "eu-west-1", dir.resolve("isp"),
                     CAPACITY_BYTES, List.of(), origin.baseUrl(), SIGNER), InstantSource.system(), registry)) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < OBJECTS; i++) {
                    assertThat(getSigned(isp, key(i)).body()).hasSize(OBJECT_BYTES);
                }
            }

            EdgeNodeStats stats = isp.statsSnapshot();
            assertThat(stats.storedBytes()).isLessThanOrEqualTo(CAPACITY_BYTES);
            assertThat(stats.evictions()).isGreaterThanOrEqualTo(OBJECTS - CAPACITY_BYTES / OBJECT_BYTES);
            assertThat(stats.misses() + stats.hits()).isEqualTo(2L * OBJECTS);
            assertThat(bytesOnDisk(dir.resolve("isp/objects"))).isEqualTo(stats.storedBytes());
            assertThat(isp.cachedKeys()).hasSize((int) (stats.storedBytes() / OBJECT_BYTES));
            assertThat(registry.get("marquee.edge.evictions").tag("node", "isp-e").functionCounter().count())
                    .isEqualTo(stats.evictions());
            assertThat(registry.get("marquee.edge.stored.bytes").tag("region", "eu-west-1").gauge().value())
                    .isEqualTo(stats.storedBytes());
        }
    }

    @Test
    void reindexesItsDiskAfterARestartAndServesWithoutFilling() throws Exception {
        Path originRoot = dir.resolve("origin");
        writeObject(originRoot, key(1), OBJECT_BYTES);
        EdgeNodeConfig ispConfig;
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER))) {
            ispConfig = EdgeNodeConfig.cache("isp-r", EdgeTier.ISP, "eu-west-1", dir.resolve("isp"), CAPACITY_BYTES,
                    List.of(), origin.baseUrl(), SIGNER);
            try (EdgeNode isp = EdgeNode.start(ispConfig)) {
                assertThat(getSigned(isp, key(1)).statusCode()).isEqualTo(200);
            }
        }
        try (EdgeNode restarted = EdgeNode.start(ispConfig)) { // the origin is gone now
            assertThat(getSigned(restarted, key(1)).statusCode()).isEqualTo(200);
            assertThat(restarted.statsSnapshot().hits()).isEqualTo(1);
            assertThat(restarted.statsSnapshot().storedBytes()).isEqualTo(OBJECT_BYTES);
        }
    }

    private static String key(int i) {
        return "titles/t%d/720p/seg-%05d.ts".formatted(i % 3, i);
    }

    private static long bytesOnDisk(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
