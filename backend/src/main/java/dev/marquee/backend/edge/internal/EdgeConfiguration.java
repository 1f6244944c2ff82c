package dev.marquee.backend.edge.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the edge fleet into the backend: started with the context, stopped (every listener closed) with it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
@ConditionalOnProperty(prefix = "marquee.edge", name = "enabled", havingValue = "true", matchIfMissing = true)
class EdgeConfiguration {

    @Bean(destroyMethod = "close")
    EdgeFleet edgeFleet(EdgeProperties properties, ObjectProvider<InstantSource> clock,
                        ObjectProvider<MeterRegistry> registry) {
        return new EdgeFleet(properties, clock.getIfAvailable(InstantSource::system), registry.getIfAvailable());
    }

    @Bean
    DemandForecast edgeDemandForecast(EdgeProperties properties, ObjectProvider<InstantSource> clock) {
        return new DemandForecast(properties.originRoot(), clock.getIfAvailable(InstantSource::system));
    }

    @Bean(destroyMethod = "close")
    EdgeFills edgeFills(EdgeFleet fleet, EdgeProperties properties, DemandForecast forecast,
                        ObjectProvider<InstantSource> clock) {
        return new EdgeFills(fleet, properties, forecast, clock.getIfAvailable(InstantSource::system));
    }
}
