package dev.marquee.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answer to a series query: every series of the asked name whose tags match, on one time grid.
 * Point {@code i} of each series covers {@code [from + i*step, from + (i+1)*step)}; {@code null} means no data.
 */
public record SeriesAnswer(String name, Instant from, Duration step, List<Series> series) {
    public SeriesAnswer {
        series = List.copyOf(series);
    }

    public record Series(SeriesDescriptor descriptor, List<@Nullable Double> values) {}
}
