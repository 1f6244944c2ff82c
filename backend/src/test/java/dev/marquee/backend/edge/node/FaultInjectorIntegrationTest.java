package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static dev.marquee.backend.edge.node.EdgeTestSupport.getSigned;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.EdgeFaults;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's fault hook on a real socket: injected errors are 503 problems, injected latency delays, clearing restores. */
class FaultInjectorIntegrationTest {
    private static final String SEGMENT = "titles/t1/720p/seg-00001.ts";
    private static final long LATENCY_MS = 300;

    @TempDir
    Path root;

    @Test
    void failsEveryRequestAtErrorRateOneAndServesAgainWhenCleared() throws Exception {
        byte[] segment = writeObject(root, SEGMENT, 10_000);
        try (EdgeNode node = EdgeNode.start(EdgeNodeConfig.origin("origin-faults", root, SIGNER))) {
            node.injectFaults(new EdgeFaults(1.0, Duration.ZERO));
            for (int i = 0; i < 3; i++) { // keep-alive: the connection survives an injected failure
                HttpResponse<byte[]> failed = getSigned(node, SEGMENT);
                assertThat(failed.statusCode()).isEqualTo(503);
                assertThat(failed.headers().firstValue("content-type")).hasValue("application/problem+json");
                assertThat(new String(failed.body(), StandardCharsets.UTF_8)).contains("fault injected");
            }
            node.injectFaults(EdgeFaults.NONE);
            HttpResponse<byte[]> served = getSigned(node, SEGMENT);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(segment);
        }
    }

    @Test
    void delaysEachRequestByTheInjectedLatencyAndKeepsThemWhole() throws Exception {
        byte[] segment = writeObject(root, SEGMENT, 200_000);
        try (EdgeNode node = EdgeNode.start(EdgeNodeConfig.origin("origin-latency", root, SIGNER))) {
            node.injectFaults(new EdgeFaults(0, Duration.ofMillis(LATENCY_MS)));
            long t0 = System.nanoTime();
            HttpResponse<byte[]> delayed = getSigned(node, SEGMENT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(delayed.statusCode()).isEqualTo(200);
            assertThat(delayed.body()).isEqualTo(segment);
            assertThat(ms).isGreaterThanOrEqualTo(LATENCY_MS);
        }
    }
}
