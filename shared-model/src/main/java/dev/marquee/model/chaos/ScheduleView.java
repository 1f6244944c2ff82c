package dev.marquee.model.chaos;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A schedule with its last run and when it will run next (null when disabled or never). */
public record ScheduleView(String name, ScheduleRequest schedule, @Nullable Instant lastRunAt, @Nullable String lastRunId,
                           @Nullable String lastRefusal, @Nullable Instant nextRunAt) {}
