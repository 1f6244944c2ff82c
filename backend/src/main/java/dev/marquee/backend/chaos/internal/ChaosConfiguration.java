package dev.marquee.backend.chaos.internal;

import dev.marquee.backend.cache.CacheZones;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.metrics.Kpis;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the chaos engine: planner, Doctor Monkey, report store, engine on its own thread, scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChaosSettings.class)
class ChaosConfiguration {

    @Bean(destroyMethod = "close")
    ChaosEngine chaosEngine(ChaosSettings settings, TopologySettings topology, LocalInstances instances,
                            DiscoveryRegistry registry, EdgeManagement edges, CacheZones caches, Kpis kpis,
                            JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        DoctorMonkey doctor = new DoctorMonkey(instances, registry, topology, (int) settings.healthProbeTimeout().toMillis());
        Planner planner = new Planner(settings, topology, instances, edges, caches, kpis, doctor, new Random());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chaos-engine").daemon().factory());
        RunStore store = new RunStore(jdbc, json);
        store.closeInterrupted(clock.instant());
        return new ChaosEngine(planner, doctor, store, kpis, settings, events, clock, ticker);
    }

    @Bean
    ChaosScheduler chaosScheduler(ChaosEngine engine, Clock clock) {
        return new ChaosScheduler(engine, clock);
    }

    /** Checks the schedules on a thread of its own, so a start (which may take a second) never delays a run's ticks. */
    @Bean
    DisposableBean chaosScheduleTicker(ChaosScheduler scheduler, ChaosSettings settings) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chaos-schedules").daemon().factory());
        long everyMs = settings.scheduleCheckInterval().toMillis();
        ScheduledFuture<?> task = executor.scheduleAtFixedRate(scheduler::check, everyMs, everyMs, TimeUnit.MILLISECONDS);
        return () -> {
            task.cancel(false);
            executor.shutdownNow();
        };
    }
}
