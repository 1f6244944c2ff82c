package dev.marquee.backend.topology;

/** Published when a local instance's listener opens and it starts renewing its lease. */
public record InstanceStarted(String instanceId, String service, String region, String zone, java.net.URI url, java.time.Instant at) {}
