package dev.marquee.player.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/** "Stats for nerds": the engine's state as name/value lines, and the last ABR decisions with their rule. */
final class StatsOverlay {
    /** The most recent decisions fit on screen; older ones say nothing the current rung does not. */
    static final int DECISIONS_SHOWN = 5;

    private final VBox root = new VBox(6);
    private final GridPane grid = new GridPane();
    private final VBox decisions = new VBox(2);

    StatsOverlay(ObservableValue<PlaybackStatsView> stats) {
        grid.setHgap(14);
        grid.setVgap(2);
        Label heading = new Label("Stats for nerds");
        heading.getStyleClass().add("strong");
        Label decisionsHeading = new Label("Last decisions");
        decisionsHeading.getStyleClass().add("strong");
        root.getChildren().addAll(heading, grid, decisionsHeading, decisions);
        root.setId("stats");
        root.getStyleClass().add("stats-overlay");
        root.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        root.setMouseTransparent(true);
        stats.addListener((obs, old, now) -> show(now));
        show(stats.getValue());
    }

    private void show(PlaybackStatsView s) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Current rung", orDash(s.currentRung())});
        lines.add(new String[] {"Target rung", orDash(s.targetRung())});
        lines.add(new String[] {"Bandwidth", s.bandwidthBps() <= 0 ? "—"
                : String.format(Locale.ROOT, "%.2f Mbit/s", s.bandwidthBps() / 1e6)});
        lines.add(new String[] {"Buffer", String.format(Locale.ROOT, "%.1f s", s.bufferAhead().toMillis() / 1000.0)});
        lines.add(new String[] {"Edge", orDash(s.edgeNode())});
        lines.add(new String[] {"Cache", orDash(s.lastCacheStatus())});
        lines.add(new String[] {"Frames", s.decodedFrames() + " decoded, " + s.droppedFrames() + " dropped"});
        lines.add(new String[] {"Stalls", Integer.toString(s.stalls())});
        lines.add(new String[] {"Startup", millis(s.startupTime())});
        lines.add(new String[] {"Licence", millis(s.licenceTime())});
        grid.getChildren().clear();
        for (int i = 0; i < lines.size(); i++) {
            Label name = new Label(lines.get(i)[0]);
            name.getStyleClass().add("stats-name");
            Label value = new Label(lines.get(i)[1]);
            value.setId("stat-" + lines.get(i)[0].toLowerCase(Locale.ROOT).replace(' ', '-'));
            value.getStyleClass().add("stats-value");
            grid.addRow(i, name, value);
        }
        decisions.getChildren().setAll(s.decisions().stream().limit(DECISIONS_SHOWN).map(d -> {
            Label line = new Label(TitleDetailViewModel.clock(d.at()) + "  → " + d.rung() + "  (" + d.rule() + ")");
            line.getStyleClass().add("stats-value");
            return line;
        }).toList());
        if (s.decisions().isEmpty()) {
            Label none = new Label("none yet");
            none.getStyleClass().add("stats-name");
            decisions.getChildren().add(none);
        }
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "—" : value;
    }

    private static String millis(@Nullable Duration d) {
        return d == null ? "—" : d.toMillis() + " ms";
    }

    VBox root() {
        return root;
    }
}
