package dev.marquee.backend.topology;

/** Published when an SRE drains a region, so that the director stops sending clients there. */
public record RegionEvacuated(String region, String by, String reason, java.time.Instant at) {}
