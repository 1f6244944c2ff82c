package dev.marquee.backend;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bounded load at a fixed rate: one call per period on one thread, stopped by {@link #close()} or after
 * {@code atMost}, whichever comes first. The rate stays under the gateway's per-account limit, so a test of
 * failover is not answered by the rate limiter instead (a loop "as fast as possible" is, on a fast machine).
 */
public final class SteadyLoad implements AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("steady-load").daemon().factory());

    private SteadyLoad(Duration period, Duration atMost, Runnable call) {
        long stopAt = System.nanoTime() + atMost.toNanos();
        executor.scheduleAtFixedRate(() -> {
            if (System.nanoTime() > stopAt) {
                executor.shutdown();
                return;
            }
            call.run();
        }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts calling {@code call} every {@code period} for at most {@code atMost}. */
    public static SteadyLoad start(Duration period, Duration atMost, Runnable call) {
        return new SteadyLoad(period, atMost, call);
    }

    /** Stops the load and waits for the call in progress, if any. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
