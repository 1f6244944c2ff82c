package dev.marquee.model.topology;

import java.time.Instant;

/** A registry entry as the ops API shows it; {@code status} is STARTING, UP, DOWN or OUT_OF_SERVICE. */
public record InstanceView(String id, String service, String region, String zone, String url, String status,
                           Instant registeredAt, Instant lastRenewedAt, Instant leaseExpiresAt, long leaseAgeSeconds,
                           boolean local) {}
