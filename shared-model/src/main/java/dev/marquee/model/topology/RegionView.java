package dev.marquee.model.topology;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A region as the ops API shows it: health-check verdict, evacuation (who, when, why) and gateway. */
public record RegionView(String region, boolean healthy, @Nullable String healthReason, @Nullable Instant lastCheckedAt,
                         boolean evacuated, @Nullable String evacuatedBy, @Nullable String evacuationReason,
                         @Nullable Instant evacuatedAt, @Nullable String gatewayUrl, boolean gatewayRunning) {}
