package dev.marquee.model.chaos;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A recurring run: {@code experiment} started every {@code everyMinutes} within {@code from}..{@code to} on
 * {@code days}, in {@code timeZone} (the region's local time, e.g. {@code America/New_York}). Off until
 * {@code enabled}.
 */
public record ScheduleRequest(
        boolean enabled,
        ExperimentRequest experiment,
        Set<DayOfWeek> days,
        LocalTime from,
        LocalTime to,
        String timeZone,
        long everyMinutes) {}
