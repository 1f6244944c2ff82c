package dev.marquee.backend.topology;

/** Published when an SRE puts an evacuated region back into the director's answers. */
public record RegionRestored(String region, String by, String reason, java.time.Instant at) {}
