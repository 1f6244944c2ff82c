package dev.marquee.backend.edge.fill;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window in a region's local time, e.g. 02:00–06:00 Europe/Dublin, when a node has spare bandwidth for
 * fills. A window whose end is before its start spans midnight.
 */
public record OffPeakWindow(LocalTime start, LocalTime end, ZoneId zone) {

    /** Viewing is lowest in the small hours everywhere; Open Connect fills then. */
    public static final LocalTime DEFAULT_START = LocalTime.of(2, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(6, 0);

    public static OffPeakWindow defaultFor(ZoneId zone) {
        return new OffPeakWindow(DEFAULT_START, DEFAULT_END, zone);
    }

    public boolean contains(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }
}
