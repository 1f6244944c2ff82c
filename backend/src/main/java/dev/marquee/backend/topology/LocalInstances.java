package dev.marquee.backend.topology;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The instances this process hosts: the configured service instances, and the gateways that launch themselves here. */
public interface LocalInstances {

    /**
     * Creates and starts an instance: opens its listener, registers it and keeps its lease renewed.
     *
     * @param maxThreads bound of its request thread pool
     */
    LocalInstance launch(String id, String service, String region, String zone, int maxThreads, int maxConnections);

    /**
     * As {@link #launch(String, String, String, String, int, int)} with a listener of the caller's own kind (e.g. a
     * gateway's Netty server) instead of a servlet connector; {@code opener} is called at every start.
     */
    LocalInstance launch(String id, String service, String region, String zone, Supplier<Listener> opener);

    List<LocalInstance> all();

    Optional<LocalInstance> find(String id);

    /** The running instance whose listener has this local port. */
    Optional<LocalInstance> byPort(int port);
}
