package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentDescriptor;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.SteadyStateThresholds;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.jspecify.annotations.Nullable;

/**
 * The new-run form of the Chaos view: the chosen experiment, its scope (picked from the live topology), duration,
 * magnitudes and steady-state limits as the SRE typed them. It builds an {@link ExperimentRequest} from the fields
 * the experiment's catalog entry reads, asks the backend for the blast radius, and starts only the request whose
 * blast radius is on screen: any change to the form withdraws the preview. Once the engine's {@link ChaosLimits}
 * are loaded it checks numbers against the engine's own bounds before asking (and shows the default limits as the
 * fields' placeholders); targets are checked by the backend only, whose refusal is shown as it words it.
 */
public final class ChaosRunForm {
    /** A run long enough for one KPI window (10 s) to see its effect and a few evaluations after. */
    static final String DEFAULT_DURATION_SECONDS = "60";
    /** Chaos Monkey's smallest meaningful victim count. */
    static final String DEFAULT_COUNT = "1";
    /** Catalog parameter names that are scope fields read by the form. */
    static final String REGION = "scope.region";
    static final String ZONE = "scope.zone";
    static final String SERVICE = "scope.service";
    static final String INSTANCE = "scope.instanceId";
    static final String EDGE_NODE = "scope.edgeNodeId";

    private final ObjectProperty<@Nullable ExperimentDescriptor> experiment = new SimpleObjectProperty<>(this, "experiment");
    private final ObservableSet<String> fields = FXCollections.observableSet();
    private final StringProperty region = new SimpleStringProperty(this, "region");
    private final StringProperty zone = new SimpleStringProperty(this, "zone");
    private final StringProperty service = new SimpleStringProperty(this, "service");
    private final StringProperty instanceId = new SimpleStringProperty(this, "instanceId");
    private final StringProperty edgeNodeId = new SimpleStringProperty(this, "edgeNodeId");
    private final StringProperty durationSeconds = new SimpleStringProperty(this, "durationSeconds", DEFAULT_DURATION_SECONDS);
    private final StringProperty count = new SimpleStringProperty(this, "count", DEFAULT_COUNT);
    private final StringProperty latencyMs = new SimpleStringProperty(this, "latencyMs", "");
    private final StringProperty errorRate = new SimpleStringProperty(this, "errorRate", "");
    private final StringProperty maxSpsDropPercent = new SimpleStringProperty(this, "maxSpsDropPercent", "");
    private final StringProperty maxErrorRate = new SimpleStringProperty(this, "maxErrorRate", "");
    private final StringProperty maxP99LatencyMs = new SimpleStringProperty(this, "maxP99LatencyMs", "");
    private final StringProperty maxRebufferRatio = new SimpleStringProperty(this, "maxRebufferRatio", "");
    private final BooleanProperty allowAllRegions = new SimpleBooleanProperty(this, "allowAllRegions");
    private final BooleanProperty allowViolatedSteadyState = new SimpleBooleanProperty(this, "allowViolatedSteadyState");
    private final ObjectProperty<@Nullable ChaosLimits> limits = new SimpleObjectProperty<>(this, "limits");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyObjectWrapper<@Nullable BlastRadius> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final OpsApi ops;
    private final Background work;
    private final Consumer<RunView> started;
    private @Nullable ExperimentRequest previewed;

    ChaosRunForm(OpsApi ops, Background work, Consumer<RunView> started) {
        this.ops = ops;
        this.work = work;
        this.started = started;
        experiment.subscribe(e -> {
            fields.clear();
            fields.addAll(e == null ? Set.of() : fieldsOf(e));
        });
        for (Observable input : List.<Observable>of(experiment, region, zone, service, instanceId, edgeNodeId,
                durationSeconds, count, latencyMs, errorRate, maxSpsDropPercent, maxErrorRate, maxP99LatencyMs,
                maxRebufferRatio, allowAllRegions, reason, limits)) {
            input.addListener(o -> withdrawPreview());
        }
    }

    /** The request fields an experiment reads, from its catalog entry ("a | b" names either field). */
    static Set<String> fieldsOf(ExperimentDescriptor descriptor) {
        return descriptor.parameters().stream()
                .flatMap(p -> Arrays.stream(p.name().split("\\|")).map(String::strip))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Asks the backend what the form's run would touch; the answer is shown only if the form is unchanged. */
    public void preview() {
        Optional<ExperimentRequest> request = request();
        if (request.isEmpty()) {
            return;
        }
        busy.set(true);
        work.call(() -> ops.exchange("POST", ChaosPaths.PREVIEW, request.get(), BlastRadius.class), radius -> {
            busy.set(false);
            if (request().equals(request)) {
                problem.set("");
                preview.set(radius);
                previewed = request.get();
            }
        }, refused -> {
            busy.set(false);
            problem.set(refused);
        });
    }

    /**
     * Starts the previewed run; without a current preview it asks for one. The steady-state override is read now,
     * not at the preview: it is the answer to what the preview showed, so ticking it keeps the preview.
     */
    public void start() {
        ExperimentRequest previewedRequest = previewed;
        if (previewedRequest == null || preview.get() == null) {
            problem.set("Preview the blast radius first: a run starts only after you have seen what it touches.");
            return;
        }
        ExperimentRequest request = allowViolatedSteadyState.get() ? withOverride(previewedRequest) : previewedRequest;
        busy.set(true);
        work.call(() -> ops.exchange("POST", ChaosPaths.RUNS, request, RunView.class), run -> {
            busy.set(false);
            problem.set("");
            withdrawPreview();
            started.accept(run);
        }, refused -> {
            busy.set(false);
            problem.set(refused);
        });
    }

    /** The request the form describes, or empty with the reason in {@link #problemProperty()}. */
    Optional<ExperimentRequest> request() {
        ExperimentDescriptor descriptor = experiment.get();
        if (descriptor == null) {
            problem.set("Choose an experiment from the catalog.");
            return Optional.empty();
        }
        Set<String> reads = fieldsOf(descriptor);
        try {
            ChaosScope scope = new ChaosScope(chosen(reads, REGION, region), chosen(reads, ZONE, zone),
                    chosen(reads, SERVICE, service), chosen(reads, INSTANCE, instanceId), chosen(reads, EDGE_NODE, edgeNodeId));
            @Nullable ChaosLimits bounds = limits.get();
            SteadyStateThresholds thresholds = reads.contains("thresholds") ? new SteadyStateThresholds(
                    limit("SPS drop limit (%)", maxSpsDropPercent, 0.0, bounds == null ? null : bounds.maxSpsDropPercentLimit()),
                    limit("error rate limit", maxErrorRate, 0.0, bounds == null ? null : bounds.maxRatioLimit()),
                    limit("p99 latency limit (ms)", maxP99LatencyMs, bounds == null ? null : bounds.minP99LatencyMsLimit(), null),
                    limit("rebuffer ratio limit", maxRebufferRatio, 0.0, bounds == null ? null : bounds.maxRatioLimit()))
                    : null;
            Long duration = whole("duration (s)", durationSeconds);
            Long latency = reads.contains("latencyMs") ? whole("latency (ms)", latencyMs) : null;
            Double errors = reads.contains("errorRate") ? number("error rate", errorRate) : null;
            if (bounds != null) {
                if (duration == null) {
                    throw new IllegalArgumentException("duration (s) is required: " + bounds.minDurationSeconds() + " to "
                            + bounds.maxDurationSeconds());
                }
                within("duration (s)", duration, bounds.minDurationSeconds(), bounds.maxDurationSeconds());
                if (latency != null) {
                    within("latency (ms)", latency, 0, bounds.maxLatencyMs());
                }
                if (errors != null) {
                    within("error rate", errors, 0, bounds.maxErrorRate());
                }
            }
            return Optional.of(new ExperimentRequest(descriptor.type(), scope, duration,
                    reads.contains("count") ? toInt("count", whole("count", count)) : null, latency, errors,
                    thresholds == null || thresholds.equals(SteadyStateThresholds.DEFAULTS_FROM_ENGINE) ? null : thresholds,
                    reads.contains("allowAllRegions") && allowAllRegions.get() ? Boolean.TRUE : null,
                    reason.get() == null || reason.get().isBlank() ? null : reason.get().strip()));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static ExperimentRequest withOverride(ExperimentRequest r) {
        return new ExperimentRequest(r.type(), r.scope(), r.durationSeconds(), r.count(), r.latencyMs(), r.errorRate(),
                r.thresholds(), r.allowAllRegions(), r.reason(), Boolean.TRUE);
    }

    private static @Nullable String chosen(Set<String> reads, String field, StringProperty value) {
        String v = value.get();
        return reads.contains(field) && v != null && !v.isBlank() ? v.strip() : null;
    }

    private static @Nullable Long whole(String label, StringProperty text) {
        String t = text.get() == null ? "" : text.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number, was \"" + t + "\"");
        }
    }

    /** A threshold within the engine's bounds (a null bound: not checked). Labels come with {@link #number}. */
    private static @Nullable Double limit(String label, StringProperty text, @Nullable Double min, @Nullable Double max) {
        Double value = number(label, text);
        if (value != null && ((min != null && value < min) || (max != null && value > max))) {
            throw new IllegalArgumentException(label + " must be within " + plain(min == null ? 0 : min) + " to "
                    + (max == null ? "any" : plain(max)) + ", was " + plain(value));
        }
        return value;
    }

    private static void within(String label, double value, double min, double max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(label + " must be within " + plain(min) + " to " + plain(max) + ", was "
                    + plain(value));
        }
    }

    /** A number without a needless ".0". */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * What a steady-state field shows while blank: the engine's default limit, or "engine default" until the limits
     * are loaded (an engine without them). {@code field} is the threshold's name in {@link SteadyStateThresholds}.
     */
    public static String placeholder(@Nullable ChaosLimits limits, String field) {
        if (limits == null) {
            return "engine default";
        }
        SteadyStateThresholds d = limits.defaults();
        Double v = switch (field) {
            case "maxSpsDropPercent" -> d.maxSpsDropPercent();
            case "maxErrorRate" -> d.maxErrorRate();
            case "maxP99LatencyMs" -> d.maxP99LatencyMs();
            case "maxRebufferRatio" -> d.maxRebufferRatio();
            default -> throw new IllegalArgumentException("no threshold " + field);
        };
        return v == null ? "engine default" : "default " + plain(v);
    }

    /** The duration field's placeholder: the engine's bounds once loaded. */
    public static String durationPlaceholder(@Nullable ChaosLimits limits) {
        return limits == null ? "" : limits.minDurationSeconds() + " to " + limits.maxDurationSeconds();
    }

    private static @Nullable Integer toInt(String label, @Nullable Long value) {
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new IllegalArgumentException(label + " is out of range: " + value);
        }
        return value == null ? null : value.intValue();
    }

    private static @Nullable Double number(String label, StringProperty text) {
        String t = text.get() == null ? "" : text.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException(t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number, was \"" + t + "\"");
        }
    }

    private void withdrawPreview() {
        preview.set(null);
        previewed = null;
    }

    /** Whether the chosen experiment reads this request field (e.g. {@code count}, {@code scope.zone}). */
    public boolean reads(String field) {
        return fields.contains(field);
    }

    public ObservableSet<String> fields() {
        return fields;
    }

    public ObjectProperty<@Nullable ExperimentDescriptor> experimentProperty() {
        return experiment;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty instanceIdProperty() {
        return instanceId;
    }

    public StringProperty edgeNodeIdProperty() {
        return edgeNodeId;
    }

    public StringProperty durationSecondsProperty() {
        return durationSeconds;
    }

    public StringProperty countProperty() {
        return count;
    }

    public StringProperty latencyMsProperty() {
        return latencyMs;
    }

    public StringProperty errorRateProperty() {
        return errorRate;
    }

    public StringProperty maxSpsDropPercentProperty() {
        return maxSpsDropPercent;
    }

    public StringProperty maxErrorRateProperty() {
        return maxErrorRate;
    }

    public StringProperty maxP99LatencyMsProperty() {
        return maxP99LatencyMs;
    }

    public StringProperty maxRebufferRatioProperty() {
        return maxRebufferRatio;
    }

    /** The explicit override to start although the scope's KPIs already break a limit. */
    public BooleanProperty allowViolatedSteadyStateProperty() {
        return allowViolatedSteadyState;
    }

    /** The engine's default limits and bounds; null until loaded (or from an engine that does not publish them). */
    public ObjectProperty<@Nullable ChaosLimits> limitsProperty() {
        return limits;
    }

    public BooleanProperty allowAllRegionsProperty() {
        return allowAllRegions;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The blast radius of the form as it stands; null until previewed and after any change. */
    public ReadOnlyObjectProperty<@Nullable BlastRadius> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the last preview or start did not happen, as the backend or the form words it. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A preview or start is in flight. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
