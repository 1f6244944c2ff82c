package dev.marquee.backend.chaos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.chaos.KpiSample;
import dev.marquee.model.chaos.SteadyStateThresholds;
import dev.marquee.model.metrics.KpiSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SteadyStateTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final SteadyStateThresholds LIMITS = new SteadyStateThresholds(50.0, 0.05, 500.0, 0.02);

    @Test
    void holdsWithinEveryLimit() {
        KpiSample sample = SteadyState.sample(NOW, "DURING", kpis(10, 0.01, 120.0, 0.01), LIMITS, baseline(10));
        assertThat(sample.violations()).isEmpty();
    }

    @Test
    void namesEveryBrokenLimit() {
        KpiSample sample = SteadyState.sample(NOW, "DURING", kpis(4, 0.2, 900.0, 0.1), LIMITS, baseline(10));
        assertThat(sample.violations()).hasSize(4);
        assertThat(String.join(";", sample.violations())).contains("error rate", "p99", "rebuffer", "SPS");
    }

    @Test
    void noDataBreaksNothing() {
        KpiSample sample = SteadyState.sample(NOW, "DURING", kpis(0, null, null, null), LIMITS, baseline(0));
        assertThat(sample.violations()).isEmpty();
    }

    @Test
    void theSpsLimitIsRelativeToTheBaseline() {
        assertThat(SteadyState.sample(NOW, "DURING", kpis(6, null, null, null), LIMITS, baseline(10)).violations()).isEmpty();
        assertThat(SteadyState.sample(NOW, "DURING", kpis(4.9, null, null, null), LIMITS, baseline(10)).violations()).hasSize(1);
    }

    @Test
    void withoutLimitsOnlyRecordsTheFigures() {
        KpiSample sample = SteadyState.sample(NOW, "DURING", kpis(4, 0.9, 9000.0, 0.5), null, baseline(10));
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.errorRate()).isEqualTo(0.9);
        assertThat(SteadyState.broken(kpis(4, 0.9, 9000.0, 0.5), null, baseline(10))).isEmpty();
    }

    @Test
    void aWaivedLimitIsNotCheckedButTheOthersAre() {
        KpiSnapshot bad = kpis(10, 0.5, 900.0, 0.0);
        assertThat(SteadyState.broken(bad, LIMITS, null)).containsExactly("maxErrorRate", "maxP99LatencyMs");
        KpiSample sample = SteadyState.sample(NOW, "DURING", bad, LIMITS, baseline(10), java.util.Set.of("maxErrorRate"));
        assertThat(sample.violations()).singleElement().asString().contains("p99");
    }

    private static KpiSample baseline(double sps) {
        return SteadyState.sample(NOW, "BEFORE", kpis(sps, null, null, null), LIMITS, null);
    }

    private static KpiSnapshot kpis(double sps, Double errorRate, Double p99, Double rebuffer) {
        return new KpiSnapshot("us-east-1", null, Duration.ofSeconds(10), NOW.minusSeconds(10), NOW, sps, null, null,
                rebuffer, errorRate, p99, (long) (sps * 10), errorRate == null ? 0 : 100, 0, null);
    }
}
