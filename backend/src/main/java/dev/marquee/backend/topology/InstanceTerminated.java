package dev.marquee.backend.topology;

/** Published when a local instance's listener is closed (connections refused, heartbeats stopped); {@code by} says who. */
public record InstanceTerminated(String instanceId, String service, String region, String zone, String by, java.time.Instant at) {}
