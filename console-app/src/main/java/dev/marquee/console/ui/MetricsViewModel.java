package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsClient;
import dev.marquee.console.api.SseEvent;
import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.metrics.SeriesAnswer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live KPIs: the overall and per-region snapshots from the metrics stream's {@code kpis} events (the tiles and the
 * region table), and the last {@link #CHART_RANGE} of the API latency percentiles and SPS series (the charts),
 * queried again every {@link #SERIES_PERIOD}.
 */
public final class MetricsViewModel implements SectionModel {
    /** The series store's fine grid is 10 s; re-reading at that pace adds each new point as it closes. */
    public static final Duration SERIES_PERIOD = Duration.ofSeconds(10);
    public static final String CHART_RANGE = "15m";
    /** The series the charts draw, all regions together. */
    public static final List<String> CHART_SERIES = List.of("api.latency.p50", "api.latency.p95", "api.latency.p99",
            "playback.sps");

    private final ReadOnlyObjectWrapper<@Nullable KpiSnapshot> overall = new ReadOnlyObjectWrapper<>(this, "overall");
    private final ObservableList<KpiSnapshot> perRegion = FXCollections.observableArrayList();
    private final ObservableMap<String, SeriesAnswer> series = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final JsonMapper json = OpsClient.json();
    private final OpsApi ops;
    private final Ticker ticker;
    private final Background work;

    public MetricsViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker) {
        this.ops = ops;
        this.ticker = ticker;
        this.work = new Background(background, fx);
    }

    @Override
    public void start() {
        if (!work.holding()) {
            work.hold(ops.stream(MetricsPaths.STREAM, this::onEvent, up -> work.onFx(() -> live.set(up))));
            work.hold(ticker.every(SERIES_PERIOD, this::refreshSeries));
        }
    }

    /** A {@code kpis} event: overall first, then one per region. Other events are for other views. */
    void onEvent(SseEvent event) {
        if (!event.name().equals(MetricsPaths.KPIS_EVENT)) {
            return;
        }
        List<KpiSnapshot> snapshots = Arrays.asList(json.readValue(event.data(), KpiSnapshot[].class));
        work.onFx(() -> {
            overall.set(snapshots.stream().filter(s -> s.region().equals(MetricsPaths.ALL_REGIONS)).findFirst()
                    .orElse(null));
            perRegion.setAll(snapshots.stream().filter(s -> !s.region().equals(MetricsPaths.ALL_REGIONS)).toList());
        });
    }

    public void refreshSeries() {
        work.call(() -> {
            Map<String, SeriesAnswer> answers = new LinkedHashMap<>();
            for (String name : CHART_SERIES) {
                answers.put(name, ops.get(MetricsPaths.SERIES + "?name=" + name + "&tag.region="
                        + MetricsPaths.ALL_REGIONS + "&from=-" + CHART_RANGE, SeriesAnswer.class));
            }
            return answers;
        }, answers -> {
            series.putAll(answers);
            problem.set("");
        }, problem::set);
    }

    public ReadOnlyObjectProperty<@Nullable KpiSnapshot> overallProperty() {
        return overall.getReadOnlyProperty();
    }

    public ObservableList<KpiSnapshot> perRegion() {
        return perRegion;
    }

    public ObservableMap<String, SeriesAnswer> series() {
        return series;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    @Override
    public void close() {
        work.closeAll();
    }
}
