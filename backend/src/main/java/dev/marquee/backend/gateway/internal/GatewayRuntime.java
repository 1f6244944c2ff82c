package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts one gateway per region once the backend serves: a local instance of service {@code gateway}, registered
 * in discovery like any instance, so the director finds and health-checks it. Stopping and starting a region's
 * gateway (a region failure) goes through the topology's ops API, as for any local instance.
 */
final class GatewayRuntime {
    static final String GATEWAY_SERVICE = TopologySettings.GATEWAY_SERVICE;
    private static final Logger log = LoggerFactory.getLogger(GatewayRuntime.class);

    private final TopologySettings topology;
    private final LocalInstances instances;
    private final GatewaySettings settings;

    GatewayRuntime(TopologySettings topology, LocalInstances instances, GatewaySettings settings) {
        this.topology = topology;
        this.instances = instances;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        for (TopologySettings.Region region : topology.regions()) {
            try {
                var gateway = instances.launch(GATEWAY_SERVICE + "-" + region.name(), GATEWAY_SERVICE, region.name(),
                        region.zones().getFirst(), settings.maxThreads(), settings.maxConnections());
                log.info("gateway of {} listens on {}", region.name(), gateway.url().orElseThrow());
            } catch (IllegalStateException noContainer) {
                log.warn("gateway of {} not started ({})", region.name(), noContainer.getMessage());
            }
        }
    }
}
