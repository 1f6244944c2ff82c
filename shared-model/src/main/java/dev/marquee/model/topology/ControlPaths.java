package dev.marquee.model.topology;

import dev.marquee.model.ApiPaths;

/** Paths of the control plane: traffic director (public), registry, regions, instances, breakers, cache (SRE). */
public final class ControlPaths {
    private ControlPaths() {}

    /** {@code GET ?clientRegion=us-west-2}: healthy regions in preference order, with their gateways. Public. */
    public static final String DIRECTOR_REGIONS = ApiPaths.API + "/director/regions";

    public static final String REGISTRY = ApiPaths.OPS + "/registry";
    /** {@code POST} a {@link RegisterInstanceRequest}: a remote instance joins. */
    public static final String REGISTRY_INSTANCES = REGISTRY + "/instances";
    /** {@code DELETE}: evict now. */
    public static final String REGISTRY_INSTANCE = REGISTRY_INSTANCES + "/{instanceId}";
    /** {@code PUT}: renew the lease. */
    public static final String REGISTRY_HEARTBEAT = REGISTRY_INSTANCE + "/heartbeat";
    /** {@code POST} with an {@link OpsReason}: take out of service; {@code DELETE}: put back. */
    public static final String REGISTRY_OUT_OF_SERVICE = REGISTRY_INSTANCE + "/out-of-service";

    /** {@code GET}: local instances. */
    public static final String INSTANCES = ApiPaths.OPS + "/instances";
    /** {@code POST}: close the instance's listener. */
    public static final String INSTANCE_TERMINATE = INSTANCES + "/{instanceId}/terminate";
    /** {@code POST}: open a new listener for it. */
    public static final String INSTANCE_START = INSTANCES + "/{instanceId}/start";
    /** {@code PUT} an {@link InstanceFaults}: real latency and errors on its wire. */
    public static final String INSTANCE_FAULTS = INSTANCES + "/{instanceId}/faults";

    /** {@code GET}: each region's health, evacuation and gateway. */
    public static final String REGIONS = ApiPaths.OPS + "/regions";
    /** {@code POST} with an {@link OpsReason}. */
    public static final String REGION_EVACUATE = REGIONS + "/{region}/evacuate";
    /** {@code POST} with an {@link OpsReason}. */
    public static final String REGION_RESTORE = REGIONS + "/{region}/restore";
    /** {@code POST}: stop the region's gateway (a region failure). */
    public static final String REGION_GATEWAY_STOP = REGIONS + "/{region}/gateway/stop";
    /** {@code POST}: start it again. */
    public static final String REGION_GATEWAY_START = REGIONS + "/{region}/gateway/start";

    /** {@code GET}: every circuit breaker's live state. */
    public static final String BREAKERS = ApiPaths.OPS + "/resilience/breakers";
    /** Server-sent events: breaker transitions as they happen plus periodic snapshots. */
    public static final String RESILIENCE_STREAM = ApiPaths.OPS + "/resilience/stream";

    /** {@code GET}: hit ratios per cache and zone replica states. */
    public static final String CACHE = ApiPaths.OPS + "/cache";

    /** The gateway's aggregation of the player's home screen. */
    public static final String HOME = ApiPaths.API + "/home";

    /** Request headers the gateway understands. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CLIENT_ZONE_HEADER = "X-Marquee-Zone";
    /**
     * Request header the gateway sets on every call it forwards: its own region, so that the API request events
     * (and the per-region traffic the console shows) are counted where they were served. Clients cannot set it.
     */
    public static final String SERVED_REGION_HEADER = "X-Marquee-Region";
    /** Response header: the instance that served the call. */
    public static final String INSTANCE_HEADER = "X-Marquee-Instance";
}
