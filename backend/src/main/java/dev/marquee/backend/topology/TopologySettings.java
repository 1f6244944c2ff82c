package dev.marquee.backend.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.topology}: the regions and zones of the world, the service groups and the path
 * prefixes each serves, how many instances run per zone, and the registry's and director's timings.
 *
 * @param regions                    regions in their default preference order, each with its zones
 * @param services                   service group → path prefixes it owns, e.g. {@code catalog: [/api/catalog]}
 * @param instancesPerZone           local instances per service group and zone (each a listener and a pool)
 * @param instanceMaxThreads         the bound of each instance's request thread pool
 * @param instanceMaxConnections     connections an instance accepts at once; more wait in the backlog
 * @param heartbeatInterval          how often a local instance renews its lease
 * @param leaseDuration              how long a lease lasts without renewal before eviction
 * @param evictionInterval           how often the registry looks for expired leases
 * @param selfPreservation           whether the registry stops evicting when too many leases expire at once
 * @param selfPreservationThreshold  fraction of instances that must still renew for eviction to go on
 * @param healthCheckInterval        how often the director checks each region's gateway
 * @param healthCheckTimeout         how long one check may take before it counts as failed
 */
@ConfigurationProperties("marquee.topology")
public record TopologySettings(
        List<Region> regions,
        Map<String, List<String>> services,
        @DefaultValue("1") int instancesPerZone,
        @DefaultValue("8") int instanceMaxThreads,
        @DefaultValue("256") int instanceMaxConnections,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("15s") Duration leaseDuration,
        @DefaultValue("1s") Duration evictionInterval,
        @DefaultValue("true") boolean selfPreservation,
        @DefaultValue("0.5") double selfPreservationThreshold,
        @DefaultValue("2s") Duration healthCheckInterval,
        @DefaultValue("1s") Duration healthCheckTimeout) {

    /** The service name under which gateways register; the director health-checks them. */
    public static final String GATEWAY_SERVICE = "gateway";
    /** The path a gateway answers itself with its own health, and the director checks. */
    public static final String GATEWAY_HEALTH_PATH = "/actuator/health";

    /** A region and its zones, e.g. {@code us-east-1} with {@code us-east-1a..c}. */
    public record Region(String name, List<String> zones) {
        public Region {
            zones = List.copyOf(zones);
            if (name.isBlank() || zones.isEmpty()) {
                throw new IllegalArgumentException("marquee.topology.regions: every region needs a name and at least one zone");
            }
        }
    }

    public TopologySettings {
        regions = regions == null ? List.of() : List.copyOf(regions);
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        if (instancesPerZone < 0 || instanceMaxThreads < 1 || instanceMaxConnections < 1) {
            throw new IllegalArgumentException("marquee.topology: instance counts must be positive");
        }
        if (!heartbeatInterval.isPositive() || leaseDuration.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("marquee.topology: the lease must outlast the heartbeat interval");
        }
        if (selfPreservationThreshold < 0 || selfPreservationThreshold > 1) {
            throw new IllegalArgumentException("marquee.topology.self-preservation-threshold must be within 0..1");
        }
    }

    public Optional<Region> region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The service group that owns a request path (longest matching prefix), if any. */
    public Optional<String> serviceFor(String path) {
        String best = null;
        int bestLength = -1;
        for (var entry : services.entrySet()) {
            for (String prefix : entry.getValue()) {
                if (owns(prefix, path) && prefix.length() > bestLength) {
                    best = entry.getKey();
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code /api/me} owns {@code /api/me} and {@code /api/me/profiles}, not {@code /api/meta}. */
    static boolean owns(String prefix, String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
