package dev.marquee.backend.topology;

/** Published when the registry drops an instance: its lease expired, an SRE evicted it, or it shut down. */
public record InstanceEvicted(String instanceId, String service, String region, String zone, String reason, java.time.Instant at) {}
