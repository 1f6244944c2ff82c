package dev.marquee.model.metrics;

import java.util.Map;

/** One series of the time-series store: a name and its tags, e.g. {@code playback.sps {region=us-east-1}}. */
public record SeriesDescriptor(String name, Map<String, String> tags) {
    public SeriesDescriptor {
        tags = Map.copyOf(tags);
    }
}
