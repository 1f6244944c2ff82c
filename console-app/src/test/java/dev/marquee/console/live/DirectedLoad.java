package dev.marquee.console.live;

import dev.marquee.console.api.OpsClient;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.DirectorAnswer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Viewers in one region doing what a player does: ask the traffic director for their region's gateway, then send
 * API calls there at a fixed rate (one call per period on one thread), asking the director again every
 * {@link #DIRECTOR_REFRESH} so that an evacuation or a failover moves them. Bounded: it stops after
 * {@code atMost} or when closed, whichever comes first. The rate must stay under the gateway's per-account limit
 * (50/s, 1500/min by default) or the rate limiter answers instead of the platform.
 */
public final class DirectedLoad implements AutoCloseable {
    /** How often a client asks the director again, as players do between requests. */
    static final Duration DIRECTOR_REFRESH = Duration.ofSeconds(1);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(CALL_TIMEOUT).build();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("directed-load").daemon().factory());
    private final AtomicReference<@Nullable String> gateway = new AtomicReference<>();
    /** Answers by status code (0 = no answer), for failure messages and assertions. */
    private final ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final String backendUrl;
    private final String clientRegion;
    private final String token;
    private final String path;

    private DirectedLoad(String backendUrl, String clientRegion, String token, String path) {
        this.backendUrl = backendUrl;
        this.clientRegion = clientRegion;
        this.token = token;
        this.path = path;
    }

    /** Starts calling {@code GET path} as {@code token}'s account every {@code period} for at most {@code atMost}. */
    public static DirectedLoad start(String backendUrl, String clientRegion, String token, String path,
                                     Duration period, Duration atMost) {
        DirectedLoad load = new DirectedLoad(backendUrl, clientRegion, token, path);
        load.direct();
        long stopAt = System.nanoTime() + atMost.toNanos();
        load.executor.scheduleWithFixedDelay(load::direct, DIRECTOR_REFRESH.toMillis(), DIRECTOR_REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        load.executor.scheduleAtFixedRate(() -> {
            if (System.nanoTime() > stopAt) {
                load.executor.shutdown();
                return;
            }
            load.call();
        }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return load;
    }

    private void direct() {
        Request ask = new Request.Builder()
                .url(backendUrl + ControlPaths.DIRECTOR_REGIONS + "?clientRegion=" + clientRegion).build();
        try (Response response = http.newCall(ask).execute()) {
            if (response.isSuccessful()) {
                DirectorAnswer answer = OpsClient.json().readValue(response.body().string(), DirectorAnswer.class);
                if (!answer.regions().isEmpty()) {
                    gateway.set(answer.regions().getFirst().gatewayUrl());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Keep the last gateway: a client that cannot reach the director keeps going where it went.
        }
    }

    private void call() {
        String base = gateway.get();
        if (base == null) {
            return;
        }
        Request request = new Request.Builder().url(base.replaceAll("/$", "") + path)
                .header("Authorization", "Bearer " + token).build();
        int status;
        try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
            status = response.code();
        } catch (IOException e) {
            status = 0;
        }
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    /** The gateway the director names for this client now. */
    public @Nullable String gateway() {
        return gateway.get();
    }

    /** "{200=410, 500=37}": answers by status, 0 for none; for failure messages. */
    public String statuses() {
        return statuses.toString();
    }

    public int answered(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    /** Stops the load and waits for the call in progress, if any. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(CALL_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
