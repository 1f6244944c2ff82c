package dev.marquee.console.ui;

import static dev.marquee.console.ui.WorldView.column;

import dev.marquee.console.api.OpsWire.EncodingJob;
import dev.marquee.console.api.OpsWire.Rung;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Encoding jobs (state, progress, ETA, stage) and the selected job's per-title ladder with each rung's measured
 * quality against its target; or, on a backend without the encoding API, a sentence saying so.
 */
public final class EncodingView {
    private final VBox root;

    public EncodingView(EncodingViewModel model) {
        TableView<EncodingJob> jobs = new TableView<>(model.jobs());
        jobs.setId("encoding-jobs");
        jobs.getColumns().setAll(List.of(
                column("Title", (EncodingJob j) -> j.title(), 200),
                column("State", EncodingJob::state, 100),
                column("Progress", EncodingViewModel::progress, 140),
                column("Stage", j -> j.failureReason() != null ? j.failureReason() : j.stageDetail()),
                column("Rungs", j -> Integer.toString(j.rungs().size()), 60)));
        jobs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        jobs.setPlaceholder(new Label("No encoding jobs yet: ingest a title with ./marquee ingest."));
        jobs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        WorldView.keepSelection(jobs, j -> j.id().toString());

        TableView<Rung> ladder = new TableView<>(model.ladder());
        ladder.setId("ladder");
        ladder.getColumns().setAll(List.of(
                column("Rung", Rung::name),
                column("Resolution", (Rung r) -> r.width() + "×" + r.height()),
                column("Bitrate", r -> String.format("%.0f kbit/s", r.bitrateBps() / 1000.0)),
                column("CRF", r -> String.format("%.1f", r.crf())),
                column("SSIM / target", r -> String.format("%.4f / %.4f", r.ssim(), r.targetSsim())),
                column("PSNR", r -> String.format("%.1f dB", r.psnrDb())),
                column("Outcome", Rung::outcome)));
        ladder.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ladder.setPlaceholder(new Label("Select a job to see its ladder."));

        Button cancel = new Button("Cancel job");
        cancel.setId("cancel-job");
        cancel.disableProperty().bind(jobs.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> model.cancel(jobs.getSelectionModel().getSelectedItem()));
        Label ladderHeading = new Label();
        ladderHeading.textProperty().bind(model.selectedProperty().map(j -> "Ladder of " + j.title()).orElse("Ladder"));
        ladderHeading.getStyleClass().add("subheading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(10, ladderHeading, gap, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(12, jobs, actions, ladder);
        VBox.setVgrow(jobs, Priority.ALWAYS);
        VBox.setVgrow(ladder, Priority.ALWAYS);
        content.visibleProperty().bind(model.availableProperty());
        content.managedProperty().bind(content.visibleProperty());
        Label missing = new Label(Section.ENCODING.emptyDetail());
        missing.setId("encoding-unavailable");
        missing.getStyleClass().add("muted");
        missing.setWrapText(true);
        missing.visibleProperty().bind(model.availableProperty().not());
        missing.managedProperty().bind(missing.visibleProperty());

        root = new VBox(14, Widgets.heading("Encoding", "jobs polled every " + EncodingViewModel.POLL_PERIOD.toSeconds()
                + " s · quality measured per rung"), Widgets.problem(model.problemProperty()), missing, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.getStyleClass().add("section");
    }

    public Parent root() {
        return root;
    }
}
