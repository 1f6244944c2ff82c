package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsClient;
import dev.marquee.console.api.OpsWire.Breaker;
import dev.marquee.console.api.OpsWire.Transition;
import dev.marquee.console.api.SseEvent;
import dev.marquee.model.topology.ControlPaths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.databind.json.JsonMapper;

/**
 * The breakers map's state: every circuit breaker from the resilience stream ({@code snapshot} events replace the
 * list, {@code transition} events change one breaker's state at once). It polls nothing: the stream is the source.
 */
public final class BreakersViewModel implements SectionModel {
    /** How a breaker looks on the map. */
    public enum Health { HEALTHY, DEGRADED, FAILING }

    private final ObservableList<Breaker> breakers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final JsonMapper json = OpsClient.json();
    private final OpsApi ops;
    private final Background work;

    public BreakersViewModel(OpsApi ops, Executor background, Executor fx) {
        this.ops = ops;
        this.work = new Background(background, fx);
    }

    @Override
    public void start() {
        if (!work.holding()) {
            work.hold(ops.stream(ControlPaths.RESILIENCE_STREAM, this::onEvent,
                    up -> work.onFx(() -> live.set(up))));
        }
    }

    /** Applies one stream event; called on the stream's thread, changes land on the FX executor. */
    void onEvent(SseEvent event) {
        switch (event.name()) {
            case "snapshot" -> {
                List<Breaker> all = Arrays.asList(json.readValue(event.data(), Breaker[].class));
                work.onFx(() -> {
                    breakers.setAll(all);
                    problem.set("");
                });
            }
            case "transition" -> {
                Transition t = json.readValue(event.data(), Transition.class);
                work.onFx(() -> {
                    for (int i = 0; i < breakers.size(); i++) {
                        Breaker b = breakers.get(i);
                        if (b.name().equals(t.name())) {
                            breakers.set(i, new Breaker(b.name(), t.to(), b.failureRatePercent(),
                                    b.slowCallRatePercent(), b.bufferedCalls(), b.failedCalls(), b.slowCalls(),
                                    b.notPermittedCalls(), b.bulkheadAvailable(), b.bulkheadRejectedCalls(),
                                    b.lastTransitions(), t.at()));
                        }
                    }
                });
            }
            default -> { } // other events are for other consumers
        }
    }

    /** Red when open, yellow when half-open, failing calls, slow calls or rejections show; green otherwise. */
    public static Health health(Breaker b) {
        if (b.state().contains("OPEN") && !b.state().equals("HALF_OPEN")) {
            return Health.FAILING;
        }
        if (b.state().equals("HALF_OPEN") || b.failureRatePercent() > 0 || b.slowCallRatePercent() > 0
                || b.bulkheadRejectedCalls() > 0 || b.notPermittedCalls() > 0) {
            return Health.DEGRADED;
        }
        return Health.HEALTHY;
    }

    /** resilience4j reports -1 until the window holds its minimum number of calls: that is "not yet", not 0 %. */
    public static String percent(float ratePercent) {
        return ratePercent < 0 ? "–" : String.format("%.1f %%", ratePercent);
    }

    public ObservableList<Breaker> breakers() {
        return breakers;
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
