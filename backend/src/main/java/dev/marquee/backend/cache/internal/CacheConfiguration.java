package dev.marquee.backend.cache.internal;

import dev.marquee.backend.topology.TopologySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    ZonedCaches caches(TopologySettings topology, Clock clock, MeterRegistry meters) {
        return new ZonedCaches(topology, clock, meters);
    }
}
