package dev.marquee.backend.resilience.internal;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceSettings.class)
class ResilienceConfiguration {

    @Bean
    Resilience4jCalls protectedCalls(ResilienceSettings settings, Clock clock, ApplicationEventPublisher events,
                                     MeterRegistry meters) {
        Resilience4jCalls calls = new Resilience4jCalls(settings, clock, events);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(calls.breakerRegistry()).bindTo(meters);
        return calls;
    }

    @Bean(destroyMethod = "close")
    ResilienceStream resilienceStream(Resilience4jCalls calls, ResilienceSettings settings) {
        return new ResilienceStream(calls, settings);
    }
}
