package dev.marquee.backend.topology;

/** Published when the director's health checks of a region's gateway change verdict. */
public record RegionHealthChanged(String region, boolean healthy, String reason, java.time.Instant at) {}
