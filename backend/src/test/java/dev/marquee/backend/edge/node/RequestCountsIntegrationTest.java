package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static dev.marquee.backend.edge.node.EdgeTestSupport.get;
import static dev.marquee.backend.edge.node.EdgeTestSupport.getSigned;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.EdgeTier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node counts the requests it serves per object (its own prefetches are not demand), for the fill forecast. */
class RequestCountsIntegrationTest {

    private static final String OPENING = "titles/a/720p/seg-00001.ts";
    private static final String SECOND = "titles/a/720p/seg-00002.ts";
    private static final String PLANNED = "titles/a/1080p/seg-00001.ts";

    @TempDir
    Path dir;

    @Test
    void countsServedRequestsHitOrMissAndNotPrefetchesThenStartsAfresh() throws Exception {
        Path originRoot = dir.resolve("origin");
        for (String key : List.of(OPENING, SECOND, PLANNED)) {
            writeObject(originRoot, key, 1000);
        }
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER));
             EdgeNode isp = EdgeNode.start(EdgeNodeConfig.cache("isp-c", EdgeTier.ISP, "us-east-1", dir.resolve("isp"),
                     1 << 20, List.of(), origin.baseUrl(), SIGNER))) {
            isp.prefetch(PLANNED).get(10, TimeUnit.SECONDS);
            isp.rankPlanned(List.of(PLANNED));
            assertThat(getSigned(isp, OPENING).statusCode()).isEqualTo(200); // a miss
            assertThat(getSigned(isp, OPENING).statusCode()).isEqualTo(200); // a hit
            assertThat(getSigned(isp, SECOND).statusCode()).isEqualTo(200);
            assertThat(getSigned(isp, PLANNED).statusCode()).isEqualTo(200);
            assertThat(get(isp, "/" + SECOND).statusCode()).as("unsigned: refused, not demand").isEqualTo(403);

            assertThat(isp.drainRequestCounts()).isEqualTo(Map.of(OPENING, 2L, SECOND, 1L, PLANNED, 1L));
            assertThat(isp.drainRequestCounts()).isEmpty();
            assertThat(origin.drainRequestCounts()).isEmpty();
        }
    }
}
