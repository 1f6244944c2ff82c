package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.TopicMapping;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.metrics.EdgeStatsSample;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsSettings.class)
class EventsConfiguration {
    /**
     * Outside the backend's filters (the instance filter -130, the body limit -110, security -100), so the recorded
     * latency and status include authentication, every refusal and the faults injected on an instance's wire; only
     * the gateway's own filter (-140) is further out (the instance it calls records the request).
     */
    static final int API_REQUEST_FILTER_ORDER = -135;

    /** The log with the platform's topics; a retention sweep runs on its own daemon thread. */
    @Bean(destroyMethod = "close")
    InMemoryEventLog eventLog(Clock clock, EventsSettings settings) {
        var log = new InMemoryEventLog(clock, settings.retention(), settings.maxRecordsPerPartition(), InMemoryEventLog.DEFAULT_CHUNK_SIZE);
        Topics.TELEMETRY.forEach(topic -> log.createTopic(topic, settings.telemetryPartitions()));
        Topics.NOTABLE.forEach(topic -> log.createTopic(topic, 1));
        log.startRetentionSweeps(settings.retentionCheckInterval());
        return log;
    }

    /** Edge nodes publish their samples as application events; they land on the edge stats topic, by node. */
    @Bean
    TopicMapping<EdgeStatsSample> edgeStatsTopic() {
        return TopicMapping.keyed(EdgeStatsSample.class, Topics.EDGE_STATS, EdgeStatsSample::nodeId);
    }

    @Bean
    FilterRegistrationBean<ApiRequestFilter> apiRequestFilter(EventLog log, EventsSettings settings) {
        var registration = new FilterRegistrationBean<>(new ApiRequestFilter(log));
        registration.setOrder(API_REQUEST_FILTER_ORDER);
        registration.setEnabled(settings.apiRequestEvents());
        return registration;
    }
}
