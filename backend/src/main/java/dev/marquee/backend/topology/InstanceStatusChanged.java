package dev.marquee.backend.topology;

/** Published when an instance's status changes; {@code by} says who (the instance, an SRE, the registry). */
public record InstanceStatusChanged(String instanceId, String service, String region, InstanceStatus from, InstanceStatus to, String by, String reason, java.time.Instant at) {}
