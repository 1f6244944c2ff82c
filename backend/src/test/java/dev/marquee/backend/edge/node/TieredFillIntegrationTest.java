package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.HTTP;
import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static dev.marquee.backend.edge.node.EdgeTestSupport.getSigned;
import static dev.marquee.backend.edge.node.EdgeTestSupport.request;
import static dev.marquee.backend.edge.node.EdgeTestSupport.signed;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeTier;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tier 2 → tier 1 → origin over real loopback HTTP: collapsed forwarding, retries on parents, serve-stale. */
class TieredFillIntegrationTest {

    private static final long CAPACITY_BYTES = 64L << 20;
    private static final int CONCURRENT_VIEWERS = 24;

    @TempDir
    Path dir;
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : started.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        started.add(c);
        return c;
    }

    private EdgeNode cacheNode(String id, EdgeTier tier, List<URI> parents, URI origin) {
        return track(EdgeNode.start(EdgeNodeConfig.cache(id, tier, "us-east-1", dir.resolve(id), CAPACITY_BYTES,
                parents, origin, SIGNER)));
    }

    @Test
    void collapsesConcurrentMissesIntoOneReadAtEveryTier() throws Exception {
        String key = "titles/t1/720p/seg-00001.ts";
        byte[] bytes = writeObject(dir.resolve("origin"), key, 500_000);
        CountingOrigin origin = track(new CountingOrigin(dir.resolve("origin")));
        EdgeNode ixp = cacheNode("ixp-1", EdgeTier.IXP, List.of(), origin.url());
        EdgeNode isp = cacheNode("isp-1", EdgeTier.ISP, List.of(ixp.baseUrl()), origin.url());

        origin.close(new CountDownLatch(1)); // hold the origin read until every viewer is waiting
        List<CompletableFuture<HttpResponse<byte[]>>> viewers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_VIEWERS; i++) {
            viewers.add(HTTP.sendAsync(request(isp, signed(key)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> isp.statsSnapshot().misses() == CONCURRENT_VIEWERS);
        assertThat(isp.statsSnapshot().fillsInFlight()).isEqualTo(1);
        origin.open();

        for (var viewer : viewers) {
            HttpResponse<byte[]> response = viewer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            assertThat(response.headers().firstValue("x-cache")).hasValue("MISS");
            assertThat(response.headers().firstValue("x-marquee-node")).hasValue("isp-1");
        }
        assertThat(origin.reads(key)).isEqualTo(1);
        assertThat(ixp.statsSnapshot().misses()).isEqualTo(1);
        assertThat(isp.statsSnapshot().bytesFilled()).isEqualTo(bytes.length);
        assertThat(isp.statsSnapshot().bytesServed()).isEqualTo((long) bytes.length * CONCURRENT_VIEWERS);

        // Now cached at both tiers: a later viewer is a hit, and the ETag is the origin's at every tier.
        HttpResponse<byte[]> later = getSigned(isp, key);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(isp.statsSnapshot().hits()).isEqualTo(1);
        assertThat(later.headers().firstValue("x-cache")).hasValue("HIT");
        assertThat(later.headers().firstValue("etag"))
                .isEqualTo(getSigned(ixp, key).headers().firstValue("etag"));
        assertThat(isp.cachedTitles()).containsExactly("t1");
    }

    @Test
    void retriesAFailedFillOnAnotherParent() throws Exception {
        String key = "titles/t2/360p/seg-00007.ts";
        byte[] bytes = writeObject(dir.resolve("origin"), key, 100_000);
        CountingOrigin origin = track(new CountingOrigin(dir.resolve("origin")));
        EdgeNode ixpDown = cacheNode("ixp-a", EdgeTier.IXP, List.of(), origin.url());
        EdgeNode ixpUp = cacheNode("ixp-b", EdgeTier.IXP, List.of(), origin.url());
        EdgeNode isp = cacheNode("isp-2", EdgeTier.ISP, List.of(ixpDown.baseUrl(), ixpUp.baseUrl()), origin.url());
        ixpDown.setState(EdgeAdminState.DOWN);

        HttpResponse<byte[]> response = getSigned(isp, key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(ixpUp.statsSnapshot().misses()).isEqualTo(1);
        assertThat(origin.reads(key)).isEqualTo(1);
    }

    @Test
    void keepsServingWhatItHasWhenEveryUpstreamIsGone() throws Exception {
        String cached = "titles/t3/720p/seg-00001.ts";
        String missing = "titles/t3/720p/seg-00002.ts";
        byte[] bytes = writeObject(dir.resolve("origin"), cached, 80_000);
        writeObject(dir.resolve("origin"), missing, 80_000);
        EdgeNode origin = track(EdgeNode.start(EdgeNodeConfig.origin("origin", dir.resolve("origin"), SIGNER)));
        EdgeNode ixp = cacheNode("ixp-3", EdgeTier.IXP, List.of(), origin.baseUrl());
        EdgeNode isp = cacheNode("isp-3", EdgeTier.ISP, List.of(ixp.baseUrl()), origin.baseUrl());
        assertThat(getSigned(isp, cached).statusCode()).isEqualTo(200);

        origin.setState(EdgeAdminState.DOWN);
        ixp.setState(EdgeAdminState.DOWN);

        HttpResponse<byte[]> stale = getSigned(isp, cached);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(bytes);
        HttpResponse<byte[]> lacking = getSigned(isp, missing);
        assertThat(lacking.statusCode()).isEqualTo(502);
        assertThat(lacking.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(isp.statsSnapshot().fillFailures()).isEqualTo(1);
    }

    @Test
    void answersGatewayTimeoutWhenTheUpstreamHangs() throws Exception {
        String key = "titles/t6/720p/seg-00001.ts";
        writeObject(dir.resolve("origin"), key, 1_000);
        CountingOrigin origin = track(new CountingOrigin(dir.resolve("origin")));
        origin.close(new CountDownLatch(1)); // never answers during this test
        EdgeNode isp = track(EdgeNode.start(new EdgeNodeConfig("isp-6", EdgeTier.ISP, "us-east-1", "127.0.0.1", 0,
                dir.resolve("isp-6"), CAPACITY_BYTES, List.of(), origin.url(), SIGNER, 1, Duration.ofMillis(300))));

        HttpResponse<byte[]> response = getSigned(isp, key);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(isp.cachedKeys()).isEmpty();
        assertThat(isp.statsSnapshot().fillsInFlight()).isZero();
    }

    @Test
    void passesNotFoundThroughWithoutTryingOtherUpstreams() throws Exception {
        CountingOrigin origin = track(new CountingOrigin(dir.resolve("origin")));
        EdgeNode ixp = cacheNode("ixp-4", EdgeTier.IXP, List.of(), origin.url());
        EdgeNode isp = cacheNode("isp-4", EdgeTier.ISP, List.of(ixp.baseUrl()), origin.url());

        assertThat(getSigned(isp, "titles/none/master.m3u8").statusCode()).isEqualTo(404);
        assertThat(origin.reads("titles/none/master.m3u8")).isEqualTo(1); // via the ixp only, not again directly
    }

    @Test
    void fillsOverTheOriginRoleOfTheSameNodeCode() throws Exception {
        String key = "titles/t5/master.m3u8";
        byte[] bytes = writeObject(dir.resolve("origin"), key, 2_000);
        EdgeNode origin = track(EdgeNode.start(EdgeNodeConfig.origin("origin", dir.resolve("origin"), SIGNER)));
        EdgeNode isp = cacheNode("isp-5", EdgeTier.ISP, List.of(), origin.baseUrl());

        HttpResponse<byte[]> response = getSigned(isp, key, "Range", "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).hasSize(100);
        assertThat(getSigned(isp, key).body()).isEqualTo(bytes);
        assertThat(origin.statsSnapshot().hits()).isEqualTo(1);
    }
}
