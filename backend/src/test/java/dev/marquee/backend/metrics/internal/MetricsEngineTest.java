package dev.marquee.backend.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.events.EventLog;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.metrics.SeriesAnswer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine without its thread: records in, windows closed at chosen times, series, rollups and gauges out. */
class MetricsEngineTest {
    /** A minute boundary. */
    private static final long T0 = 1_800_000_000_000L - 1_800_000_000_000L % 60_000;
    private static final String US = "us-east-1";

    private final Heartbeats records = new Heartbeats();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MetricsEngine engine = new MetricsEngine(unusedLog(), Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC),
            new MetricsSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(6),
                    Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(30)),
            registry);

    @Test
    void rollsTenSecondWindowsIntoExactOneMinutePointsAndGauges() {
        // One start in each of the first three windows, startup 100, 200 and 3000 ms; nothing in the other three.
        engine.accept(records.start(UUID.randomUUID(), US, T0 + 1_000, 100));
        engine.accept(records.start(UUID.randomUUID(), US, T0 + 11_000, 200));
        engine.accept(records.start(UUID.randomUUID(), US, T0 + 21_000, 3_000));
        engine.closeWindows(T0 + 61_000);

        SeriesAnswer fine = engine.storeFor(Duration.ofSeconds(10)).query(KpiSeries.SPS, Map.of(KpiSeries.REGION, US),
                Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000), Duration.ofSeconds(10));
        assertThat(fine.series().getFirst().values()).containsExactly(0.1, 0.1, 0.1, 0.0, 0.0, 0.0);

        SeriesAnswer minute = engine.storeFor(Duration.ofMinutes(1)).query(KpiSeries.START_TIME_P95, Map.of(KpiSeries.REGION, US),
                Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000), Duration.ofMinutes(1));
        // Merged histograms, not averaged percentiles: p95 of {100, 200, 3000} is 3000 (within 0.1 %).
        assertThat(minute.series().getFirst().values().getFirst()).isBetween(3_000.0, 3_003.0);
        SeriesAnswer minuteSps = engine.storeFor(Duration.ofMinutes(1)).query(KpiSeries.SPS, Map.of(KpiSeries.REGION, US),
                Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000), Duration.ofMinutes(1));
        assertThat(minuteSps.series().getFirst().values()).containsExactly(3 / 60.0);

        assertThat(registry.get("marquee.kpi.sps").tag(KpiSeries.REGION, US).gauge().value()).isEqualTo(3 / 60.0);
        assertThat(registry.get("marquee.kpi.sps").tag(KpiSeries.REGION, MetricsPaths.ALL_REGIONS).gauge().value()).isEqualTo(3 / 60.0);
        assertThat(registry.get("marquee.kpi.error.rate").tag(KpiSeries.REGION, US).gauge().value()).isNaN();
        assertThat(engine.regions()).containsExactly(US);
    }

    @Test
    void refusesSnapshotWindowsThatAreNotWholeWindowsOrTooLong() {
        assertThat(engine.snapshot(US, Duration.ofSeconds(30)).streamStarts()).isZero();
        assertThatThrownBy(() -> engine.snapshot(US, Duration.ofSeconds(15))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.snapshot(US, Duration.ofMinutes(10))).isInstanceOf(IllegalArgumentException.class);
    }

    private static EventLog unusedLog() {
        var log = new dev.marquee.backend.events.internal.InMemoryEventLog(Clock.systemUTC(), Duration.ofMinutes(1), 4_096, 64);
        return log;
    }
}
