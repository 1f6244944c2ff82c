package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.api.OpsWire.Breaker;
import dev.marquee.console.api.SseEvent;
import dev.marquee.model.topology.ControlPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakersViewModelTest {
    private final FakeOps ops = new FakeOps();
    private final BreakersViewModel model = new BreakersViewModel(ops, Runnable::run, Runnable::run);

    @Test
    void aSnapshotReplacesTheBreakersAndATransitionChangesOneAtOnce() {
        model.start();
        assertThat(model.liveProperty().get()).isTrue();
        ops.streams.get(ControlPaths.RESILIENCE_STREAM).accept(new SseEvent(null, "snapshot", Recorded.json("breakers.json")));
        Breaker first = model.breakers().getFirst();

        ops.streams.get(ControlPaths.RESILIENCE_STREAM).accept(new SseEvent(null, "transition",
                "{\"name\":\"" + first.name() + "\",\"from\":\"CLOSED\",\"to\":\"OPEN\",\"at\":\"2026-11-26T20:53:30Z\"}"));

        assertThat(model.breakers()).hasSizeGreaterThan(1);
        assertThat(model.breakers().getFirst().state()).isEqualTo("OPEN");
        assertThat(BreakersViewModel.health(model.breakers().getFirst())).isEqualTo(BreakersViewModel.Health.FAILING);
        assertThat(model.breakers().get(1).state()).isEqualTo("CLOSED");
    }

    @Test
    void healthIsRedWhenOpenYellowWhenHalfOpenOrFailingGreenOtherwise() {
        assertThat(BreakersViewModel.health(breaker("CLOSED", 0, 0))).isEqualTo(BreakersViewModel.Health.HEALTHY);
        assertThat(BreakersViewModel.health(breaker("CLOSED", -1, 0))).isEqualTo(BreakersViewModel.Health.HEALTHY);
        assertThat(BreakersViewModel.health(breaker("CLOSED", 12.5f, 0))).isEqualTo(BreakersViewModel.Health.DEGRADED);
        assertThat(BreakersViewModel.health(breaker("CLOSED", 0, 3))).isEqualTo(BreakersViewModel.Health.DEGRADED);
        assertThat(BreakersViewModel.health(breaker("HALF_OPEN", 0, 0))).isEqualTo(BreakersViewModel.Health.DEGRADED);
        assertThat(BreakersViewModel.health(breaker("FORCED_OPEN", 0, 0))).isEqualTo(BreakersViewModel.Health.FAILING);
        assertThat(BreakersViewModel.percent(-1)).isEqualTo("–");
    }

    @Test
    void closingStopsTheStream() {
        model.start();
        model.close();

        assertThat(ops.streams).isEmpty();
    }

    private static Breaker breaker(String state, float failureRate, long rejected) {
        return new Breaker("instance:x", state, failureRate, 0, 10, 0, 0, 0, 32, rejected, List.of(),
                java.time.Instant.EPOCH);
    }
}
