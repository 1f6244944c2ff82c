package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts one gateway per region once the backend serves: a local instance of service {@code gateway} whose listener
 * is a Netty server of its own ({@link GatewayServer}), registered in discovery like any instance, so the director
 * finds and health-checks it. Stopping and starting a region's gateway (a region failure) goes through the
 * topology's ops API, as for any local instance: stop closes the Netty listener, start opens a new one.
 */
final class GatewayRuntime {
    static final String GATEWAY_SERVICE = TopologySettings.GATEWAY_SERVICE;
    private static final Logger log = LoggerFactory.getLogger(GatewayRuntime.class);

    private final TopologySettings topology;
    private final LocalInstances instances;
    private final GatewayServer server;
    private final GatewayPhases phases;

    GatewayRuntime(TopologySettings topology, LocalInstances instances, GatewayServer server, GatewayPhases phases) {
        this.topology = topology;
        this.instances = instances;
        this.server = server;
        this.phases = phases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        for (TopologySettings.Region region : topology.regions()) {
            var gateway = instances.launch(GATEWAY_SERVICE + "-" + region.name(), GATEWAY_SERVICE, region.name(),
                    region.zones().getFirst(), () -> server.open(region.name(), phases));
            log.info("gateway of {} listens on {}", region.name(), gateway.url().orElseThrow());
        }
    }
}
