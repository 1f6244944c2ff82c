package dev.marquee.console.ui;

import static dev.marquee.console.ui.WorldView.column;

import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.SeriesAnswer;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.collections.MapChangeListener;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.jspecify.annotations.Nullable;

/**
 * Live KPIs as TilesFX number tiles (from the metrics stream), the last minutes of API latency percentiles and
 * stream starts as line charts (from series queries), and one table row per region.
 */
public final class MetricsView {
    private static final double TILE_WIDTH = 160;
    private static final double TILE_HEIGHT = 96;
    private static final double CHART_HEIGHT = 220;
    private static final double SECONDS_PER_MINUTE = 60;

    private final VBox root;
    private final Tile sps = tile("tile-sps", "Stream starts", "per s", 2);
    private final Tile startP50 = tile("tile-start-p50", "Start time p50", "ms", 0);
    private final Tile startP95 = tile("tile-start-p95", "Start time p95", "ms", 0);
    private final Tile rebuffer = tile("tile-rebuffer", "Rebuffer ratio", "%", 2);
    private final Tile apiP99 = tile("tile-api-p99", "API latency p99", "ms", 1);
    private final Tile errors = tile("tile-errors", "API errors", "%", 2);
    private final LineChart<Number, Number> latency = chart("chart-latency", "API latency (ms), all regions");
    private final LineChart<Number, Number> starts = chart("chart-sps", "Stream starts per second, all regions");

    public MetricsView(MetricsViewModel model) {
        model.overallProperty().subscribe(this::showTiles);
        model.series().addListener((MapChangeListener<String, SeriesAnswer>) change -> showCharts(model));

        TableView<KpiSnapshot> regions = new TableView<>(model.perRegion());
        regions.setId("region-kpis");
        regions.getColumns().setAll(List.of(
                column("Region", KpiSnapshot::region),
                column("SPS", (KpiSnapshot k) -> String.format("%.2f", k.streamStartsPerSecond())),
                column("Start p50 / p95", k -> ms(k.startTimeP50Ms()) + " / " + ms(k.startTimeP95Ms())),
                column("Rebuffer", k -> percent(k.rebufferRatio())),
                column("API p99", k -> ms(k.apiLatencyP99Ms())),
                column("API errors", k -> percent(k.errorRate())),
                column("API requests", k -> Long.toString(k.apiRequests())),
                column("Edge hit ratio", k -> percent(k.edgeHitRatio()))));
        regions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        regions.setPlaceholder(new Label("Waiting for the first KPI snapshot…"));
        regions.setPrefHeight(150);

        HBox tiles = new HBox(10, sps, startP50, startP95, rebuffer, apiP99, errors);
        tiles.setId("kpi-tiles");
        HBox charts = new HBox(10, latency, starts);
        HBox.setHgrow(latency, Priority.ALWAYS);
        HBox.setHgrow(starts, Priority.ALWAYS);
        root = new VBox(12, Widgets.heading("Metrics", "tiles: last minute, live · charts: last "
                + MetricsViewModel.CHART_RANGE + " in 10 s windows", model.liveProperty()),
                Widgets.problem(model.problemProperty()), tiles, charts, regions);
        VBox.setVgrow(regions, Priority.ALWAYS);
        root.getStyleClass().add("section");
        showCharts(model);
    }

    public Parent root() {
        return root;
    }

    private void showTiles(@Nullable KpiSnapshot k) {
        set(sps, k == null ? null : k.streamStartsPerSecond());
        set(startP50, k == null ? null : k.startTimeP50Ms());
        set(startP95, k == null ? null : k.startTimeP95Ms());
        set(rebuffer, k == null || k.rebufferRatio() == null ? null : 100 * k.rebufferRatio());
        set(apiP99, k == null ? null : k.apiLatencyP99Ms());
        set(errors, k == null || k.errorRate() == null ? null : 100 * k.errorRate());
    }

    /** A value, or the tile says "no data" (nothing measured is not zero). */
    private static void set(Tile tile, @Nullable Double value) {
        tile.setValueVisible(value != null);
        tile.setText(value == null ? "no data" : "");
        if (value != null) {
            tile.setValue(value);
        }
    }

    private void showCharts(MetricsViewModel model) {
        latency.getData().setAll(List.of("api.latency.p50", "api.latency.p95", "api.latency.p99").stream()
                .map(name -> line(name.substring(name.lastIndexOf('.') + 1), model.series().get(name))).toList());
        starts.getData().setAll(List.of(line("SPS", model.series().get("playback.sps"))));
    }

    private static XYChart.Series<Number, Number> line(String name, @Nullable SeriesAnswer answer) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(name);
        if (answer != null && !answer.series().isEmpty()) {
            List<@Nullable Double> values = answer.series().getFirst().values();
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v != null) {
                    Instant end = answer.from().plus(answer.step().multipliedBy(i + 1L));
                    line.getData().add(new XYChart.Data<>(-minutesBetween(end, last(answer)), v));
                }
            }
        }
        return line;
    }

    /** The end of the answer's last window: the charts' "now", so that no wall clock is read here. */
    private static Instant last(SeriesAnswer answer) {
        int points = answer.series().getFirst().values().size();
        return answer.from().plus(answer.step().multipliedBy(points));
    }

    private static double minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_MINUTE;
    }

    private static Tile tile(String id, String title, String unit, int decimals) {
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).unit(unit).decimals(decimals)
                .prefSize(TILE_WIDTH, TILE_HEIGHT).backgroundColor(Color.web("#161b22")).build();
        tile.setId(id);
        tile.setTextVisible(true);
        return tile;
    }

    private static LineChart<Number, Number> chart(String id, String title) {
        NumberAxis minutes = new NumberAxis();
        minutes.setLabel("minutes before the latest window");
        minutes.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(minutes, new NumberAxis());
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(CHART_HEIGHT);
        return chart;
    }

    private static String ms(@Nullable Double value) {
        return value == null ? "–" : String.format("%.0f ms", value);
    }

    private static String percent(@Nullable Double ratio) {
        return ratio == null ? "–" : String.format("%.2f %%", 100 * ratio);
    }

}
