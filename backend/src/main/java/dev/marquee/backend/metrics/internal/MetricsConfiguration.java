package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
class MetricsConfiguration {

    @Bean
    MetricsEngine metricsEngine(EventLog eventLog, Clock clock, MetricsSettings settings, MeterRegistry registry) {
        return new MetricsEngine(eventLog, clock, settings, registry);
    }

    @Bean
    LiveStreams liveStreams(EventLog eventLog, MetricsEngine engine, JsonMapper json, MetricsSettings settings) {
        return new LiveStreams(eventLog, engine, json, settings);
    }
}
