package dev.marquee.backend.topology;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * One entry of the discovery registry: where an instance of a service listens and how its lease stands.
 *
 * @param id              unique id, e.g. {@code catalog-us-east-1a-1}
 * @param service         the service group it serves, e.g. {@code catalog}, or {@code gateway}
 * @param region          e.g. {@code us-east-1}
 * @param zone            e.g. {@code us-east-1a}
 * @param url             base URL, e.g. {@code http://127.0.0.1:41234}
 * @param status          the status traffic follows
 * @param registeredAt    when the lease began
 * @param lastRenewedAt   last heartbeat
 * @param leaseExpiresAt  when the registry evicts it unless it renews
 * @param local           whether this process hosts it (and can terminate and start it)
 */
public record InstanceInfo(
        String id,
        String service,
        String region,
        String zone,
        URI url,
        InstanceStatus status,
        Instant registeredAt,
        Instant lastRenewedAt,
        Instant leaseExpiresAt,
        boolean local) {

    public boolean isUp() {
        return status == InstanceStatus.UP;
    }

    /** How long ago the lease began. */
    public Duration leaseAge(Instant now) {
        return Duration.between(registeredAt, now);
    }
}
