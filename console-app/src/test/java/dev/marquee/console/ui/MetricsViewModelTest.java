package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.api.SseEvent;
import dev.marquee.model.metrics.MetricsPaths;
import org.junit.jupiter.api.Test;

class MetricsViewModelTest {
    private static final Ticker ONCE = (period, task) -> {
        task.run();
        return () -> {};
    };
    private final FakeOps ops = new FakeOps();
    private final MetricsViewModel model = new MetricsViewModel(ops, Runnable::run, Runnable::run, ONCE);

    @Test
    void aKpisEventSetsTheOverallTilesAndTheRegionRows() {
        for (String name : MetricsViewModel.CHART_SERIES) {
            ops.answers.put(seriesPath(name), Recorded.json("series-api-p99.json"));
        }
        model.start();
        String kpisEvent = Recorded.json("metrics-stream.txt").lines()
                .filter(l -> l.startsWith("data:[")).findFirst().orElseThrow().substring("data:".length());

        ops.streams.get(MetricsPaths.STREAM).accept(new SseEvent(null, MetricsPaths.KPIS_EVENT, kpisEvent));
        ops.streams.get(MetricsPaths.STREAM).accept(new SseEvent("5", MetricsPaths.NOTABLE_EVENT, "{}"));

        assertThat(model.overallProperty().get().region()).isEqualTo(MetricsPaths.ALL_REGIONS);
        assertThat(model.perRegion()).extracting(k -> k.region())
                .containsExactlyInAnyOrder("us-east-1", "us-west-2", "eu-west-1");
        assertThat(model.series()).containsOnlyKeys(MetricsViewModel.CHART_SERIES);
    }

    private static String seriesPath(String name) {
        return MetricsPaths.SERIES + "?name=" + name + "&tag.region=" + MetricsPaths.ALL_REGIONS + "&from=-"
                + MetricsViewModel.CHART_RANGE;
    }
}
