package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.ConsumerLoop;
import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.Topics;
import dev.marquee.backend.metrics.Kpis;
import dev.marquee.backend.metrics.internal.StreamOperators.ClosedWindow;
import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.MetricsPaths;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs the stream operators on one daemon thread ({@link ConsumerLoop}) as consumer group {@link #GROUP} of the
 * telemetry topics (a record the operators cannot fold in is logged and skipped), closes windows on time, writes
 * the fine and one-minute series, and keeps the KPI gauges current. Idle, the thread wakes once per window.
 * Answers {@link Kpis} from the closed windows without touching that thread.
 */
final class MetricsEngine implements Kpis, ConsumerLoop.Owner {
    static final String GROUP = "metrics";
    /** Records per poll: enough to amortise the wake-up, few enough to close windows on time under load. */
    static final int MAX_POLL_RECORDS = 4_096;
    /**
     * After a short batch the thread lets records accumulate this long instead of waking at every append (Kafka's
     * fetch.max.wait): under load the producers then rarely pay for a wake-up (measured: 1.2 M records/s handed
     * off without, 12 M with a 1 ms linger). Windows are seconds long, so 50 ms of delay changes nothing.
     */
    static final Duration LINGER = Duration.ofMillis(50);
    /** The gauges on the scrape endpoint cover this window. */
    static final Duration GAUGE_WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final MetricsSettings settings;
    private final MeterRegistry registry;
    private final TimeSeriesStore fine;
    private final TimeSeriesStore rollup;
    private final StreamOperators operators;
    private final Set<String> gaugedRegions = ConcurrentHashMap.newKeySet();
    private final ConsumerLoop loop;
    private volatile Map<String, KpiSnapshot> gaugeSnapshots = Map.of();

    MetricsEngine(EventLog eventLog, Clock clock, MetricsSettings settings, MeterRegistry registry) {
        this.clock = clock;
        this.settings = settings;
        this.registry = registry;
        this.fine = new TimeSeriesStore(settings.window(), settings.history());
        this.rollup = new TimeSeriesStore(MetricsSettings.ROLLUP_STEP, settings.rollupHistory());
        this.operators = new StreamOperators(settings.window(), settings.allowedLateness(), settings.sessionIdleTimeout(),
                MAX_WINDOW, settings.history(), clock.millis());
        this.loop = new ConsumerLoop(eventLog, new ConsumerLoop.Config("metrics-operators", GROUP, Topics.TELEMETRY,
                EventLog.OffsetReset.EARLIEST, MAX_POLL_RECORDS, LINGER), this);
    }

    @Override
    public ConsumerLoop consumerLoop() {
        return loop;
    }

    /** Idle, the thread wakes when the next window is due to close. */
    @Override
    public Duration pollWait() {
        return Duration.ofMillis(Math.max(0, operators.nextCloseAtMs() - clock.millis()));
    }

    /** Folds one record in; called by the operators' thread (or a test driving the engine without it). */
    @Override
    public void accept(LogRecord record) {
        operators.accept(record);
    }

    /** After every poll, empty or not: closes the windows now due. */
    @Override
    public void afterPoll(List<LogRecord> records) {
        closeWindows(clock.millis());
    }

    /** Closes the windows due at {@code nowMs} and publishes them; same thread as {@link #accept}. */
    void closeWindows(long nowMs) {
        List<ClosedWindow> closed = operators.closeUpTo(nowMs);
        if (closed.isEmpty()) {
            return;
        }
        List<ClosedWindow> all = operators.closedWindows();
        for (ClosedWindow window : closed) {
            for (String region : window.byRegion().keySet()) {
                KpiSeries.publish(fine, region, StreamOperators.merge(List.of(window), region, 1));
            }
            if (window.endMs() % MetricsSettings.ROLLUP_STEP.toMillis() == 0) {
                long minuteStartMs = window.endMs() - MetricsSettings.ROLLUP_STEP.toMillis();
                List<ClosedWindow> minute = all.stream()
                        .filter(w -> w.startMs() >= minuteStartMs && w.endMs() <= window.endMs()).toList();
                for (String region : window.byRegion().keySet()) {
                    KpiSeries.publish(rollup, region, StreamOperators.merge(minute, region, minute.size()));
                }
            }
        }
        updateGauges(all);
    }

    private void updateGauges(List<ClosedWindow> windows) {
        int count = (int) (GAUGE_WINDOW.toMillis() / operators.windowMs());
        Map<String, KpiSnapshot> snapshots = new HashMap<>();
        snapshots.put(MetricsPaths.ALL_REGIONS, KpiSeries.snapshot(MetricsPaths.ALL_REGIONS, GAUGE_WINDOW,
                StreamOperators.merge(windows, MetricsPaths.ALL_REGIONS, count)));
        for (String region : StreamOperators.regions(windows)) {
            snapshots.put(region, KpiSeries.snapshot(region, GAUGE_WINDOW, StreamOperators.merge(windows, region, count)));
        }
        gaugeSnapshots = Map.copyOf(snapshots);
        snapshots.keySet().forEach(this::registerGauges);
    }

    private void registerGauges(String region) {
        if (!gaugedRegions.add(region)) {
            return;
        }
        gauge("marquee.kpi.sps", "Playback starts per second over the last minute", region, KpiSnapshot::streamStartsPerSecond);
        gauge("marquee.kpi.start.time.p50.ms", "Median playback startup time, last minute", region, s -> orNaN(s.startTimeP50Ms()));
        gauge("marquee.kpi.start.time.p95.ms", "95th percentile playback startup time, last minute", region, s -> orNaN(s.startTimeP95Ms()));
        gauge("marquee.kpi.rebuffer.ratio", "Stall time over watch time, last minute", region, s -> orNaN(s.rebufferRatio()));
        gauge("marquee.kpi.error.rate", "Share of API requests answered 5xx, last minute", region, s -> orNaN(s.errorRate()));
        gauge("marquee.kpi.api.latency.p99.ms", "99th percentile API latency, last minute", region, s -> orNaN(s.apiLatencyP99Ms()));
    }

    private void gauge(String name, String description, String region, ToDoubleFunction<KpiSnapshot> value) {
        Gauge.builder(name, this, engine -> {
            KpiSnapshot snapshot = engine.gaugeSnapshots.get(region);
            return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
        }).description(description).tag(KpiSeries.REGION, region).register(registry);
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    @Override
    public KpiSnapshot snapshot(String region, @Nullable String service, Duration window) {
        long windowMs = operators.windowMs();
        if (!window.isPositive() || window.toMillis() % windowMs != 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be a multiple of " + Duration.ofMillis(windowMs).toSeconds()
                    + "s and at most " + MAX_WINDOW.toMinutes() + "m");
        }
        int count = (int) (window.toMillis() / windowMs);
        return KpiSeries.snapshot(region, service, window, StreamOperators.merge(operators.closedWindows(), region, count));
    }

    @Override
    public java.util.Map<String, Integer> liveSessionsByRegion() {
        return operators.liveSessionsByRegion();
    }

    @Override
    public List<String> regions() {
        return StreamOperators.regions(operators.closedWindows());
    }

    /** The store a query with this step reads: the one-minute series for whole minutes, else the fine one. */
    TimeSeriesStore storeFor(Duration step) {
        return step.toMillis() % MetricsSettings.ROLLUP_STEP.toMillis() == 0 ? rollup : fine;
    }

    TimeSeriesStore fineStore() {
        return fine;
    }

    Duration liveInterval() {
        return settings.liveInterval();
    }
}
