package dev.marquee.player.fleet;

import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.identity.SyntheticViewer;
import dev.marquee.model.identity.SyntheticViewers;
import dev.marquee.model.identity.SyntheticViewersRequest;
import dev.marquee.model.playback.PlaybackRequest;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.engine.StreamingEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic viewer fleet: N headless players on the real engine (networking, ABR, licence, decryption,
 * heartbeats; no rendering) playing one title against the running platform for a bounded time, each as its own
 * synthetic account (so the per-account stream limit holds) on its own device key. It is how SREs make a steady
 * state for chaos experiments and how benchmarks measure QoE under chaos.
 *
 * <p>Resources: one OkHttp client (connection pool, dispatcher) for the whole fleet; per viewer the engine's
 * streaming thread and its heartbeat timer thread; {@value #WORKER_THREADS} worker threads for the blocking set-up
 * and tear-down calls and the supervisor. Device keys live under one temporary directory, deleted on
 * {@link #close()}. Viewers start {@link #DEFAULT_START_INTERVAL} apart (at most half the run for all of them), so
 * the platform sees a ramp rather than a thundering herd.
 */
public final class Fleet implements AutoCloseable {

    /**
     * What to run.
     *
     * @param baseUrl   the backend: traffic director, sign-in, ops API (the viewers' control traffic goes to the
     *                  regions' gateways the director names)
     * @param viewers   1 to {@link SyntheticViewersRequest#MAX_COUNT}
     * @param duration  how long the fleet plays, from the first start; {@link #MIN_DURATION} to {@link #MAX_DURATION}
     * @param region    the region the viewers say they are in (the director puts it first), or null
     * @param isp       the ISP they say they are on (steering puts its edge first), or null
     * @param titleId   what to play, or null for the newest title of the catalog
     * @param prefix    names the synthetic accounts; the same prefix reuses them across runs
     * @param config    the engine's buffer goal and stall threshold
     */
    public record Options(String baseUrl, int viewers, Duration duration, @Nullable String region, @Nullable String isp,
                          @Nullable UUID titleId, String prefix, StreamingEngine.Config config) {
        public Options {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(config, "config");
            if (viewers < 1 || viewers > SyntheticViewersRequest.MAX_COUNT) {
                throw new IllegalArgumentException("viewers must be 1 to " + SyntheticViewersRequest.MAX_COUNT
                        + ", was " + viewers);
            }
            if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be " + MIN_DURATION.toSeconds() + " s to "
                        + MAX_DURATION.toHours() + " h, was " + duration.toMillis() / 1000.0 + " s");
            }
            if (!prefix.matches(SyntheticViewersRequest.PREFIX_PATTERN)
                    || prefix.length() > SyntheticViewersRequest.MAX_PREFIX_LENGTH) {
                throw new IllegalArgumentException("prefix must be lower-case letters, digits and dashes (at most "
                        + SyntheticViewersRequest.MAX_PREFIX_LENGTH + "), was '" + prefix + "'");
            }
            for (String name : new String[] {region, isp}) {
                if (name != null && !name.matches(PlaybackRequest.NAME_PATTERN)) {
                    throw new IllegalArgumentException("region and ISP are names like us-east-1 or comcast, was '"
                            + name + "'");
                }
            }
        }
    }

    /** The SRE who runs the fleet (the synthetic accounts are made with this account's token). */
    public record Credentials(String email, String password) {
        @Override
        public String toString() {
            return "Credentials[" + email + ", password hidden]";
        }
    }

    /** A run shorter than this has no steady state: startup alone takes a second or two. */
    public static final Duration MIN_DURATION = Duration.ofSeconds(5);
    /** Load runs are bounded: the longest chaos run (2 h) is the longest a fleet needs to outlive. */
    public static final Duration MAX_DURATION = Duration.ofHours(2);
    /** Viewers start this far apart: 50 viewers ramp up in 10 s, and licence/session requests do not all collide. */
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofMillis(200);
    /** Set-up and tear-down calls block on the network; a few threads keep the 2 cores for players and backend. */
    static final int WORKER_THREADS = 4;
    /** How often the supervisor looks for ended sessions: a fraction of a segment. */
    private static final long SUPERVISE_MS = 250;
    /** Bound on stopping every viewer (close, end session, sign out: each call has its own timeouts). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Bound on the last (END) heartbeats leaving after the players closed. */
    private static final Duration LAST_HEARTBEATS_TIMEOUT = Duration.ofSeconds(3);
    /** Idle connections kept per viewer: one to its edge, one to its region's gateway. */
    private static final int IDLE_CONNECTIONS_PER_VIEWER = 2;

    private final Options options;
    private final OkHttpClient http;
    private final Path keyRoot;
    private final ScheduledExecutorService workers;
    private final List<ViewerRun> viewers = new ArrayList<>();
    private final Map<Integer, Boolean> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final UUID titleId;
    private final long startNanos;
    private final long deadlineNanos;
    private volatile @Nullable FleetSummary summary;
    private boolean closed;

    private Fleet(Options options, OkHttpClient http, Path keyRoot, ScheduledExecutorService workers, UUID titleId,
                  List<SyntheticViewer> accounts, InstantSource clock) {
        this.options = options;
        this.http = http;
        this.keyRoot = keyRoot;
        this.workers = workers;
        this.titleId = titleId;
        ViewerRun.Context context = new ViewerRun.Context(options.baseUrl(), http, clock, titleId, options.region(),
                options.isp(), options.config(), ConcurrentHashMap.newKeySet());
        for (int i = 0; i < options.viewers(); i++) {
            viewers.add(new ViewerRun(i + 1, accounts.get(i), context, keyRoot.resolve("viewer-%03d".formatted(i + 1))));
        }
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + options.duration().toNanos();
    }

    /**
     * Signs in as the SRE, makes (or reuses) the synthetic accounts, picks the title and starts the ramp. Returns
     * once the first viewers are scheduled; the fleet then plays until its duration is up.
     *
     * @throws FleetException when the set-up fails (sign-in, accounts, no title); nothing is left running
     */
    public static Fleet start(Options options, Credentials sre, InstantSource clock) throws FleetException {
        OkHttpClient http = sharedClient(options.viewers());
        Path keyRoot = null;
        ScheduledExecutorService workers = null;
        try {
            BackendClient sreClient = new BackendClient(options.baseUrl(), clock, http);
            try {
                sreClient.signIn(sre.email(), sre.password());
            } catch (ApiException e) {
                throw new FleetException(Reasons.of("sign-in", e), "signing in as " + sre.email() + " failed: "
                        + e.getMessage(), e);
            }
            String sreToken = Objects.requireNonNull(sreClient.current(), "signed in without a token");
            UUID title = options.titleId() != null ? options.titleId() : newestTitle(sreClient);
            SyntheticViewers accounts = new PlatformClient(http).syntheticViewers(options.baseUrl(), sreToken,
                    options.viewers(), options.prefix());
            sreClient.signOut();
            keyRoot = Files.createTempDirectory("marquee-fleet-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            workers = Executors.newScheduledThreadPool(WORKER_THREADS, r ->
                    Thread.ofPlatform().name("marquee-fleet-", 0).daemon().unstarted(r));
            Fleet fleet = new Fleet(options, http, keyRoot, workers, title, accounts.viewers(), clock);
            fleet.schedule();
            return fleet;
        } catch (IOException e) {
            cleanUp(http, keyRoot, workers);
            throw new FleetException("setup: temporary directory", "cannot make a temporary directory for device keys: "
                    + e.getMessage(), e);
        } catch (FleetException | RuntimeException e) {
            cleanUp(http, keyRoot, workers);
            throw e;
        }
    }

    private static UUID newestTitle(BackendClient sre) throws FleetException {
        try {
            List<HomeRow> rows = sre.rows(false).rows();
            return rows.stream().flatMap(row -> row.items().stream()).findFirst()
                    .orElseThrow(() -> new FleetException("catalog: empty", "the catalog has no title to play: ingest "
                            + "one first (./marquee ingest FILE --title ...) or pass --title ID"))
                    .id();
        } catch (ApiException e) {
            throw new FleetException(Reasons.of("catalog", e), "cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private static OkHttpClient sharedClient(int viewers) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(Math.max(dispatcher.getMaxRequestsPerHost(), viewers)); // heartbeats
        dispatcher.setMaxRequests(Math.max(dispatcher.getMaxRequests(), viewers * 2));
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, viewers * IDLE_CONNECTIONS_PER_VIEWER), 5, TimeUnit.MINUTES))
                .build();
    }

    private void schedule() {
        long intervalNanos = Math.min(DEFAULT_START_INTERVAL.toNanos(), options.duration().toNanos() / 2 / viewers.size());
        for (int i = 0; i < viewers.size(); i++) {
            ViewerRun viewer = viewers.get(i);
            pending.put(viewer.number(), true);
            workers.schedule(() -> run(viewer, viewer::startSession), i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        workers.scheduleAtFixedRate(this::supervise, SUPERVISE_MS, SUPERVISE_MS, TimeUnit.MILLISECONDS);
        workers.schedule(this::stopAll, options.duration().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run(ViewerRun viewer, Runnable action) {
        try {
            action.run();
        } finally {
            pending.remove(viewer.number());
        }
    }

    private void supervise() {
        if (System.nanoTime() >= deadlineNanos) {
            return;
        }
        for (ViewerRun viewer : viewers) {
            if (!pending.containsKey(viewer.number()) && viewer.needsRotation()
                    && pending.putIfAbsent(viewer.number(), true) == null) {
                workers.execute(() -> run(viewer, viewer::rotate));
            }
        }
    }

    /** Stops every viewer in parallel (bounded), lets the last heartbeats leave, and sums up. */
    private void stopAll() {
        if (!stopping.compareAndSet(false, true)) {
            try { // another thread stops the fleet: wait for it (bounded)
                stopped.await(STOP_TIMEOUT.toNanos() + LAST_HEARTBEATS_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        List<Future<?>> stops = new ArrayList<>();
        try (var stoppers = Executors.newFixedThreadPool(WORKER_THREADS, r ->
                Thread.ofPlatform().name("marquee-fleet-stop-", 0).daemon().unstarted(r))) {
            for (ViewerRun viewer : viewers) {
                stops.add(stoppers.submit(viewer::stop));
            }
            long until = System.nanoTime() + STOP_TIMEOUT.toNanos();
            for (Future<?> stop : stops) {
                try {
                    stop.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    stop.cancel(true);
                } catch (java.util.concurrent.ExecutionException e) {
                    // a viewer that cannot stop cleanly still has its figures
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        awaitLastHeartbeats();
        summary = FleetSummary.of(options.viewers(), results(), (System.nanoTime() - startNanos) / 1_000_000,
                options.region(), options.isp());
        stopped.countDown();
    }

    private void awaitLastHeartbeats() {
        long until = System.nanoTime() + LAST_HEARTBEATS_TIMEOUT.toNanos();
        Dispatcher dispatcher = http.dispatcher();
        while (dispatcher.runningCallsCount() + dispatcher.queuedCallsCount() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(SUPERVISE_MS / 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The title the fleet plays. */
    public UUID titleId() {
        return titleId;
    }

    /** Every viewer's figures so far (sessions in progress included). */
    public List<ViewerResult> results() {
        return viewers.stream().map(ViewerRun::result).toList();
    }

    /** How many viewers send their control traffic to each region now ("direct" when no region is known). */
    public Map<String, Long> controlRegions() {
        Map<String, Long> counts = new TreeMap<>();
        for (ViewerRun viewer : viewers) {
            String region = viewer.controlRegion();
            counts.merge(region == null ? "direct" : region, 1L, Long::sum);
        }
        return counts;
    }

    /** Waits until the duration is up and every viewer stopped, then returns the summary. */
    public FleetSummary awaitSummary() throws InterruptedException {
        long waitNanos = deadlineNanos - System.nanoTime() + STOP_TIMEOUT.toNanos() + LAST_HEARTBEATS_TIMEOUT.toNanos()
                + TimeUnit.SECONDS.toNanos(5);
        if (!stopped.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS)) {
            stopAll(); // the scheduled stop did not run (a saturated executor): do it here
        }
        return Objects.requireNonNull(summary, "stopped without a summary");
    }

    /** Stops now if still playing, and deletes the device keys. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll();
        cleanUp(http, keyRoot, workers);
    }

    private static void cleanUp(OkHttpClient http, @Nullable Path keyRoot, @Nullable ScheduledExecutorService workers) {
        if (workers != null) {
            workers.shutdownNow();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (keyRoot != null) {
            try (Stream<Path> paths = Files.walk(keyRoot)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // best effort: the directory is under the system's temporary directory, mode 700
            }
        }
    }
}
