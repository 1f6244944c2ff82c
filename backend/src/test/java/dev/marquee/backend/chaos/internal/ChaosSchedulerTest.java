package dev.marquee.backend.chaos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.ScheduleRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ChaosSchedulerTest {
    /** Chaos Monkey on weekdays 09:00-17:00 New York time, hourly. */
    private static final ScheduleRequest WEEKDAYS = new ScheduleRequest(true,
            new ExperimentRequest(ExperimentType.CHAOS_MONKEY, new ChaosScope("us-east-1", null, null, null, null), 60L, 1,
                    null, null, null, null, "business hours"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            "America/New_York", 60);

    @Test
    void isDueInsideTheRegionLocalBusinessHoursOnly() {
        // Thursday 2026-11-26: 14:30 UTC is 09:30 in New York (EST, UTC-5); 13:30 UTC is 08:30.
        assertThat(ChaosScheduler.due(WEEKDAYS, null, Instant.parse("2026-11-26T14:30:00Z"))).isTrue();
        assertThat(ChaosScheduler.due(WEEKDAYS, null, Instant.parse("2026-11-26T13:30:00Z"))).isFalse();
        assertThat(ChaosScheduler.due(WEEKDAYS, null, Instant.parse("2026-11-26T22:00:00Z"))).as("17:00 local").isFalse();
    }

    @Test
    void isNotDueOnWeekends() {
        assertThat(ChaosScheduler.due(WEEKDAYS, null, Instant.parse("2026-11-28T15:00:00Z"))).as("Saturday 10:00").isFalse();
    }

    @Test
    void waitsItsIntervalAfterTheLastRun() {
        Instant last = Instant.parse("2026-11-26T15:00:00Z");
        assertThat(ChaosScheduler.due(WEEKDAYS, last, Instant.parse("2026-11-26T15:59:00Z"))).isFalse();
        assertThat(ChaosScheduler.due(WEEKDAYS, last, Instant.parse("2026-11-26T16:00:00Z"))).isTrue();
    }
}
