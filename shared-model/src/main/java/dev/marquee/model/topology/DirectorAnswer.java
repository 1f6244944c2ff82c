package dev.marquee.model.topology;

import java.util.List;

/**
 * {@code GET /api/director/regions}: the regions a client should use, best first (its own region first when it is
 * healthy); regions that fail their health checks or are evacuated are listed in {@code skipped} with the reason.
 */
public record DirectorAnswer(String clientRegion, List<RegionRoute> regions, List<Skipped> skipped) {
    public record Skipped(String region, String reason) {}
}
