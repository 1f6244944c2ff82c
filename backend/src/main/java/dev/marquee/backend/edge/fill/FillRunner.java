package dev.marquee.backend.edge.fill;

import dev.marquee.backend.edge.node.EdgeNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Pushes one plan into one node, object by object, under a bandwidth cap, and reports progress as it goes.
 * Objects the node already holds cost nothing; a failed object is counted and skipped (the next night retries).
 * The cap is enforced on the monotonic clock (it limits real bytes on a real link, even when the platform
 * clock is fast-forwarded).
 */
public final class FillRunner {

    /** Objects filled at once: hides per-request latency on the way up without hogging the parent. */
    static final int CONCURRENT_FILLS = 4;
    /** A fill that takes longer than this is abandoned for the night. */
    private static final Duration PER_OBJECT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param eta null until a rate is known
     */
    public record Progress(String nodeId, int filesDone, int filesTotal, long bytesDone, long bytesTotal,
                           int failures, @Nullable Duration eta, boolean finished) {}

    private final EdgeNode node;
    private final FillPlan plan;
    private final long maxBytesPerS;
    private volatile Progress progress;

    public FillRunner(EdgeNode node, FillPlan plan, long maxBytesPerS) {
        if (maxBytesPerS <= 0) {
            throw new IllegalArgumentException("bandwidth cap must be positive: " + maxBytesPerS);
        }
        this.node = node;
        this.plan = plan;
        this.maxBytesPerS = maxBytesPerS;
        this.progress = new Progress(plan.nodeId(), 0, plan.keys().size(), 0, plan.bytes(), 0, null, false);
    }

    public Progress progress() {
        return progress;
    }

    /**
     * Runs the plan to the end on the calling thread, {@link #CONCURRENT_FILLS} objects at a time; returns the
     * final progress.
     */
    public Progress run() throws InterruptedException {
        long startNs = System.nanoTime();
        int done = 0;
        int failures = 0;
        long bytes = 0;
        List<String> keys = plan.keys();
        ArrayDeque<CompletableFuture<Long>> window = new ArrayDeque<>();
        int next = 0;
        while (done < keys.size()) {
            while (next < keys.size() && window.size() < CONCURRENT_FILLS) {
                window.add(node.prefetch(keys.get(next++)));
            }
            try {
                bytes += window.poll().get(PER_OBJECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                failures++;
            }
            done++;
            long elapsedNs = System.nanoTime() - startNs;
            long dueNs = (long) (bytes * 1e9 / maxBytesPerS); // when the cap allows this many bytes
            if (dueNs > elapsedNs) {
                TimeUnit.NANOSECONDS.sleep(dueNs - elapsedNs);
                elapsedNs = dueNs;
            }
            Duration eta = bytes == 0 ? null
                    : Duration.ofNanos((long) ((double) elapsedNs / bytes * Math.max(0, plan.bytes() - bytes)));
            progress = new Progress(plan.nodeId(), done, keys.size(), bytes, plan.bytes(), failures, eta, false);
        }
        node.rankPlanned(keys);
        progress = new Progress(plan.nodeId(), done, keys.size(), bytes, plan.bytes(), failures, Duration.ZERO, true);
        return progress;
    }
}
