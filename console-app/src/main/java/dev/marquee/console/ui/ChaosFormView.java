package dev.marquee.console.ui;

import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ExperimentDescriptor;
import org.jspecify.annotations.Nullable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The new-run tab of the Chaos view: the catalog (each experiment with the backend's description), the form showing
 * only the fields the chosen experiment reads, with scope choices from the live topology, and the blast-radius
 * preview that must be on screen before Start is enabled.
 */
final class ChaosFormView {
    private static final double CATALOG_WIDTH = 270;
    private static final double LABEL_WIDTH = 150;
    private static final double FIELD_WIDTH = 240;
    private static final double PREVIEW_WIDTH = 300;
    /** The drop-downs' first entry: the scope field left unset. */
    static final String NONE = "";

    private final HBox root;

    ChaosFormView(ChaosViewModel model) {
        ChaosRunForm form = model.form();
        ListView<ExperimentDescriptor> catalog = new ListView<>(model.catalog());
        catalog.setId("catalog");
        catalog.getStyleClass().add("catalog");
        catalog.setPrefWidth(CATALOG_WIDTH);
        catalog.setMinWidth(CATALOG_WIDTH);
        catalog.setCellFactory(list -> new ExperimentCell());
        catalog.setPlaceholder(new Label("No experiments: the catalog is loading."));
        catalog.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                form.experimentProperty().set(now);
            }
        });
        form.experimentProperty().subscribe(e -> {
            if (e != null && catalog.getSelectionModel().getSelectedItem() != e) {
                catalog.getSelectionModel().select(e);
            }
        });

        Label chosen = new Label();
        chosen.setId("chosen-experiment");
        chosen.getStyleClass().add("subheading");
        chosen.textProperty().bind(form.experimentProperty().map(ExperimentDescriptor::name).orElse("Choose an experiment"));
        VBox fields = new VBox(8, chosen,
                row(form, ChaosRunForm.REGION, "Region", choice("scope-region", model.regions(), form.regionProperty())),
                row(form, ChaosRunForm.ZONE, "Zone", choice("scope-zone", model.zones(), form.zoneProperty())),
                row(form, ChaosRunForm.SERVICE, "Service", choice("scope-service", model.services(), form.serviceProperty())),
                row(form, ChaosRunForm.INSTANCE, "Instance", choice("scope-instance", model.instances(), form.instanceIdProperty())),
                row(form, ChaosRunForm.EDGE_NODE, "Edge node", choice("scope-edge", model.edgeNodes(), form.edgeNodeIdProperty())),
                row(form, "count", "Instances to kill", text("count", form.countProperty(), "")),
                row(form, "latencyMs", "Added latency (ms)", text("latency", form.latencyMsProperty(), "0")),
                row(form, "errorRate", "Error rate (0–1)", text("error-rate", form.errorRateProperty(), "0")),
                row(form, "durationSeconds", "Duration (s)", prompted(text("duration", form.durationSecondsProperty(), ""),
                        form, ChaosRunForm::durationPlaceholder)),
                limitsHeading(form),
                row(form, "thresholds", "Max SPS drop (%)", prompted(text("max-sps-drop", form.maxSpsDropPercentProperty(), ""), form,
                        l -> ChaosRunForm.placeholder(l, "maxSpsDropPercent"))),
                row(form, "thresholds", "Max error rate (0–1)", prompted(text("max-error-rate", form.maxErrorRateProperty(), ""), form,
                        l -> ChaosRunForm.placeholder(l, "maxErrorRate"))),
                row(form, "thresholds", "Max p99 latency (ms)", prompted(text("max-p99", form.maxP99LatencyMsProperty(), ""), form,
                        l -> ChaosRunForm.placeholder(l, "maxP99LatencyMs"))),
                row(form, "thresholds", "Max rebuffer (0–1)", prompted(text("max-rebuffer", form.maxRebufferRatioProperty(), ""), form,
                        l -> ChaosRunForm.placeholder(l, "maxRebufferRatio"))),
                row(form, "allowAllRegions", "Every region", allRegions(form)),
                row(null, "", "Reason", text("run-reason", form.reasonProperty(), "why, for the report")));

        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain");
        scroll.setMinWidth(LABEL_WIDTH + FIELD_WIDTH + 40);
        HBox.setHgrow(scroll, Priority.ALWAYS);

        root = new HBox(16, catalog, scroll, previewAndStart(form));
        root.setId("new-run");
    }

    Parent root() {
        return root;
    }

    /** The blast radius with the two buttons under it, so that Start sits beside what it will touch. */
    private static VBox previewAndStart(ChaosRunForm form) {
        Button preview = new Button("Preview blast radius");
        preview.setId("preview");
        preview.disableProperty().bind(form.busyProperty().or(form.experimentProperty().isNull()));
        preview.setOnAction(e -> form.preview());
        Button start = new Button("Start run");
        start.setId("start-run");
        start.getStyleClass().add("danger");
        start.disableProperty().bind(form.busyProperty().or(form.previewProperty().isNull()));
        start.setOnAction(e -> form.start());
        Label problem = Widgets.problem(form.problemProperty());
        problem.setId("form-problem");
        problem.setMaxWidth(PREVIEW_WIDTH);
        Label warning = new Label();
        warning.setId("steady-state-warning");
        warning.getStyleClass().add("error");
        warning.setWrapText(true);
        warning.setMaxWidth(PREVIEW_WIDTH);
        warning.textProperty().bind(form.previewProperty().map(ChaosText::steadyStateWarning).orElse(""));
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        CheckBox override = new CheckBox("start although the steady state fails");
        override.setId("allow-violated-steady-state");
        override.selectedProperty().bindBidirectional(form.allowViolatedSteadyStateProperty());
        override.visibleProperty().bind(form.previewProperty().map(BlastRadius::steadyStateViolated).orElse(false));
        override.managedProperty().bind(override.visibleProperty());
        VBox column = new VBox(12, radius(form), warning, override, new HBox(10, preview, start), problem);
        column.setPrefWidth(PREVIEW_WIDTH);
        column.setMinWidth(PREVIEW_WIDTH);
        return column;
    }

    private static VBox radius(ChaosRunForm form) {
        Label heading = new Label("Blast radius");
        heading.getStyleClass().add("subheading");
        Label summary = new Label();
        summary.setId("blast-summary");
        summary.setWrapText(true);
        VBox lines = new VBox(6);
        Label none = new Label("Preview to see which regions, instances, edge nodes and live viewer sessions the run "
                + "touches. Start stays off until then, and again after any change to the form.");
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        form.previewProperty().subscribe((BlastRadius radius) -> {
            summary.setText(radius == null ? "" : radius.summary());
            lines.getChildren().setAll(radius == null ? java.util.List.of(none)
                    : java.util.stream.Stream.concat(ChaosText.blastRadius(radius).stream(),
                            ChaosText.steadyStateNow(radius).stream()).map(ChaosFormView::wrapped).toList());
        });
        VBox box = new VBox(10, heading, summary, lines);
        box.setId("blast-radius");
        box.getStyleClass().add("card");
        box.setPrefWidth(PREVIEW_WIDTH);
        box.setMinWidth(PREVIEW_WIDTH);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label limitsHeading(ChaosRunForm form) {
        Label l = new Label("Steady-state hypothesis (blank = the engine's default limit, shown greyed)");
        l.getStyleClass().add("muted");
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> form.reads("thresholds"), form.fields()));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A labelled row, shown only while the chosen experiment reads {@code field} (always, without a form). */
    private static HBox row(ChaosRunForm form, String field, String label, Node control) {
        Label name = new Label(label);
        name.setMinWidth(LABEL_WIDTH);
        name.setPrefWidth(LABEL_WIDTH);
        HBox row = new HBox(10, name, control);
        row.setAlignment(Pos.CENTER_LEFT);
        if (form != null) {
            row.visibleProperty().bind(Bindings.createBooleanBinding(() -> form.reads(field), form.fields()));
            row.managedProperty().bind(row.visibleProperty());
        }
        return row;
    }

    /** The field's placeholder follows the engine's limits (the default, the bounds) once they are loaded. */
    private static TextField prompted(TextField field, ChaosRunForm form,
                                      java.util.function.Function<@Nullable ChaosLimits, String> prompt) {
        field.promptTextProperty().bind(Bindings.createStringBinding(() -> prompt.apply(form.limitsProperty().get()),
                form.limitsProperty()));
        return field;
    }

    private static TextField text(String id, Property<String> value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(FIELD_WIDTH);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A drop-down of the live topology with "none" first; its value is the form's. */
    private static ComboBox<String> choice(String id, ObservableList<String> options, Property<String> value) {
        ObservableList<String> items = FXCollections.observableArrayList(NONE);
        options.addListener((ListChangeListener<String>) c -> {
            String kept = value.getValue();
            items.setAll(NONE);
            items.addAll(options);
            value.setValue(kept);
        });
        items.addAll(options);
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(FIELD_WIDTH);
        box.setVisibleRowCount(12);
        box.setPromptText("(any / none)");
        box.setCellFactory(list -> new ChoiceCell());
        box.setButtonCell(new ChoiceCell());
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static CheckBox allRegions(ChaosRunForm form) {
        CheckBox box = new CheckBox("allow a scope that reaches every region");
        box.setId("allow-all-regions");
        box.selectedProperty().bindBidirectional(form.allowAllRegionsProperty());
        return box;
    }

    private static final class ChoiceCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isEmpty() ? "(any / none)" : item);
        }
    }

    /** An experiment with its name and the backend's description. */
    private static final class ExperimentCell extends ListCell<ExperimentDescriptor> {
        private final Label name = new Label();
        private final Label description = new Label();
        private final VBox both = new VBox(2, name, description);

        ExperimentCell() {
            name.getStyleClass().add("breaker-name");
            description.getStyleClass().add("muted");
            description.setWrapText(true);
            description.setMaxWidth(CATALOG_WIDTH - 30);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ExperimentDescriptor item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            description.setText(item.description());
            setGraphic(both);
        }
    }
}
