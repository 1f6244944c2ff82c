package dev.marquee.backend.topology;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The discovery registry (the Eureka role): instances register with a lease, renew it by heartbeat and are
 * evicted when they stop renewing. Callers such as the gateway read it to pick an instance. Thread-safe; every
 * change is published as an application event ({@link InstanceRegistered}, {@link InstanceStatusChanged},
 * {@link InstanceEvicted}).
 */
public interface DiscoveryRegistry {

    /** Registers (or re-registers) an instance with status {@code STARTING} and a fresh lease; returns its entry. */
    InstanceInfo register(String id, String service, String region, String zone, URI url, boolean local);

    /** Renews the lease; false when the registry no longer knows the instance (it must register again). */
    boolean renew(String id);

    /** Sets the status an instance reports about itself ({@code STARTING}, {@code UP}, {@code DOWN}). */
    void reportStatus(String id, InstanceStatus status);

    /** Removes an instance at once (its own graceful shutdown, or an SRE's eviction). */
    boolean cancel(String id, String reason);

    Optional<InstanceInfo> find(String id);

    List<InstanceInfo> instances();

    /** Instances of one service in one region with status UP: the candidates for traffic. */
    List<InstanceInfo> upInstances(String service, String region);
}
