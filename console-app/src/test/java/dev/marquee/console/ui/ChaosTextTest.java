package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.api.OpsClient;
import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.ScheduleView;
import dev.marquee.model.chaos.SteadyStateThresholds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChaosTextTest {

    @Test
    void namesScopesAndLimitsReadAsAnSreSaysThem() {
        assertThat(ChaosText.name(ExperimentType.LATENCY_MONKEY)).isEqualTo("Latency Monkey");
        assertThat(ChaosText.scope(new ChaosScope("us-east-1", null, "catalog", null, null))).isEqualTo("us-east-1 · catalog");
        assertThat(ChaosText.scope(ChaosScope.EVERYWHERE)).isEqualTo("every region");
        assertThat(ChaosText.scope(new ChaosScope(null, null, null, null, "isp-use1-comcast"))).isEqualTo("edge isp-use1-comcast");
        assertThat(ChaosText.limits(new SteadyStateThresholds(50.0, 0.05, 2000.0, 0.05)))
                .isEqualTo("SPS drop ≤ 50 % · errors ≤ 5.0 % · p99 ≤ 2000 ms · rebuffer ≤ 5.0 %");
        assertThat(ChaosText.percent(null)).isEqualTo(ChaosText.NO_DATA);
    }

    @Test
    void aRunningRunSaysHowLongIsLeftAndAnEndedOneItsVerdict() {
        RunView passed = OpsClient.json().readValue(Recorded.json("chaos-run-passed.json"), RunView.class);
        RunView running = OpsClient.json().readValue(Recorded.json("chaos-runs.json"), RunView[].class)[0];

        assertThat(ChaosText.status(passed, passed.endsAt())).isEqualTo("PASSED");
        assertThat(ChaosText.status(running, running.endsAt().minus(Duration.ofSeconds(7)))).isEqualTo("RUNNING · 7 s left");
        assertThat(ChaosText.title(passed)).isEqualTo("Latency Monkey on search-eu-west-1a-1");
        assertThat(ChaosText.title(running)).isEqualTo("Chaos Monkey on us-west-2b");
    }

    @Test
    void theBlastRadiusListsEveryKindOfTargetAndTheLiveSessions() {
        BlastRadius radius = OpsClient.json().readValue(Recorded.json("chaos-preview.json"), BlastRadius.class);

        assertThat(ChaosText.blastRadius(radius)).containsExactly(
                "Regions: us-east-1",
                "Zones: us-east-1a, us-east-1b, us-east-1c",
                "Instances (3): catalog-us-east-1a-1, catalog-us-east-1b-1, catalog-us-east-1c-1",
                "Edge nodes: none",
                "Live viewer sessions: 0 (us-east-1 0)");
    }

    @Test
    void aScheduleSaysWhenItRuns() {
        ScheduleView s = OpsClient.json().readValue(Recorded.json("chaos-schedules.json"), ScheduleView[].class)[0];

        assertThat(ChaosText.when(s.schedule())).isEqualTo("weekdays 09:00–17:00 America/Los_Angeles, every 60 min");
        assertThat(ChaosText.experiment(s)).isEqualTo("Chaos Monkey on us-west-2, 60 s");
        assertThat(ChaosText.lastAndNext(s)).isEqualTo("never ran · next –");
    }
}
