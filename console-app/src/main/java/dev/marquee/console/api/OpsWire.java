package dev.marquee.console.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The backend's ops answers that have no shared-model type yet (they are records inside backend modules), read
 * field for field as the controllers write them. Unknown fields are ignored, so the backend may add more.
 */
public final class OpsWire {
    private OpsWire() {}

    public static final String EDGE_NODES = "/api/ops/edge/nodes";
    /** {@code PUT} a {@link StateChange}. */
    public static final String EDGE_NODE_STATE = EDGE_NODES + "/%s/state";
    public static final String EDGE_FILLS = "/api/ops/edge/fills";
    /** {@code POST}: fill one node now. */
    public static final String EDGE_FILL_NODE = EDGE_FILLS + "/nodes/%s";
    /** {@code POST}: fill every tier-2 node of a region now. */
    public static final String EDGE_FILL_REGION = EDGE_FILLS + "/regions/%s";

    /** {@code GET /api/ops/resilience/breakers} and the stream's {@code snapshot} events. */
    public record Breaker(String name, String state, float failureRatePercent, float slowCallRatePercent,
                          int bufferedCalls, int failedCalls, int slowCalls, long notPermittedCalls,
                          int bulkheadAvailable, long bulkheadRejectedCalls, List<Transition> lastTransitions,
                          Instant at) {}

    /** The stream's {@code transition} event. */
    public record Transition(String name, String from, String to, Instant at) {}

    /** {@code GET /api/ops/instances}: a local instance, its port while running, its injected faults. */
    public record LocalInstance(String id, String service, String region, String zone, boolean running,
                                @Nullable Integer port, double errorRate, long latencyMs) {}

    /** {@code GET /api/ops/edge/nodes}. */
    public record EdgeNode(String id, String tier, String region, @Nullable String isp, URI baseUrl, String state,
                           boolean listening, EdgeStats stats, Set<String> cachedTitles) {}

    public record EdgeStats(long requests, long hits, long misses, long bytesServed, long bytesFilled, long evictions,
                            double hitRatio, long storedBytes, long capacityBytes, int fillsInFlight,
                            long fillFailures) {}

    public record StateChange(String state) {}

    /** {@code GET /api/ops/edge/fills}: a tier-2 node's fill plan and the progress of its running or last fill. */
    public record NodeFill(String nodeId, String region, @Nullable PlanSummary plan, @Nullable FillProgress progress) {}

    public record PlanSummary(int titles, int files, long bytes, long budgetBytes) {}

    public record FillProgress(String nodeId, int filesDone, int filesTotal, long bytesDone, long bytesTotal,
                               int failures, @Nullable Duration eta, boolean finished) {}

    /** {@code GET ?limit=50}: the latest encoding jobs; {@code DELETE /{id}} cancels one. */
    public static final String ENCODING_JOBS = "/api/ops/encoding/jobs";

    /** An encoding job; {@code percent} is 0–100 over every stage, {@code eta} null until it can be told. */
    public record EncodingJob(UUID id, UUID titleId, String title, String state, double percent, String stageDetail,
                              @Nullable Duration eta, List<Rung> rungs, @Nullable String failureReason,
                              Instant createdAt, Instant updatedAt) {}

    /** One rung of a title's ladder with its measured quality against its target. */
    public record Rung(String name, int width, int height, long bitrateBps, double crf, double ssim, double psnrDb,
                       double targetSsim, String qualityMetric, String outcome) {}
}
