package dev.marquee.backend.topology.internal;

import dev.marquee.backend.topology.TopologySettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Brings the configured world up once the backend serves (one instance per service, zone and index) and runs the
 * periodic work on one scheduler thread: heartbeats, lease eviction, the director's health checks. At shutdown it
 * closes every instance listener.
 */
final class TopologyRuntime {
    private static final Logger log = LoggerFactory.getLogger(TopologyRuntime.class);

    private final TopologySettings settings;
    private final LocalInstanceManager instances;
    private final InMemoryRegistry registry;
    private final TrafficDirector director;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("topology-scheduler").daemon().factory());

    TopologyRuntime(TopologySettings settings, LocalInstanceManager instances, InMemoryRegistry registry, TrafficDirector director) {
        this.settings = settings;
        this.instances = instances;
        this.registry = registry;
        this.director = director;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long started = System.nanoTime();
        try {
            for (TopologySettings.Region region : settings.regions()) {
                for (String zone : region.zones()) {
                    for (String service : settings.services().keySet()) {
                        for (int i = 1; i <= settings.instancesPerZone(); i++) {
                            instances.launch(service + "-" + zone + "-" + i, service, region.name(), zone,
                                    settings.instanceMaxThreads(), settings.instanceMaxConnections());
                        }
                    }
                }
            }
        } catch (IllegalStateException noContainer) {
            log.warn("topology: no local instances ({})", noContainer.getMessage());
        }
        log.info("topology: {} local instances up in {} ms", instances.all().size(), (System.nanoTime() - started) / 1_000_000);
        schedule(instances::renewAll, settings.heartbeatInterval().toMillis(), settings.heartbeatInterval().toMillis());
        schedule(registry::evictExpired, settings.evictionInterval().toMillis(), settings.evictionInterval().toMillis());
        schedule(director::checkAll, 0, settings.healthCheckInterval().toMillis());
    }

    private void schedule(Runnable task, long initialDelayMs, long periodMs) {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One failed round must not cancel the schedule.
                log.warn("topology: periodic task failed", e);
            }
        }, initialDelayMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.shutdownNow();
        instances.terminateAll();
    }
}
