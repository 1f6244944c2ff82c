package dev.marquee.backend.topology.internal;

import dev.marquee.backend.platform.ProblemWriter;
import dev.marquee.backend.platform.PublicPaths;
import dev.marquee.backend.topology.Listeners;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.topology.ControlPaths;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopologySettings.class)
class TopologyConfiguration {
    /** Before Spring Security (-100) and the body limit (-110): a refused path costs no token check. */
    static final int INSTANCE_FILTER_ORDER = -130;
    /** A health check on loopback connects in well under a millisecond; a second means the gateway is gone. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    Listeners listeners(ApplicationContext context) {
        return new TomcatListeners(context);
    }

    @Bean
    InMemoryRegistry discoveryRegistry(TopologySettings settings, Clock clock, ApplicationEventPublisher events) {
        return new InMemoryRegistry(clock, settings.leaseDuration(), settings.selfPreservation(),
                settings.selfPreservationThreshold(), events);
    }

    @Bean
    LocalInstanceManager localInstances(Listeners listeners, InMemoryRegistry registry, ApplicationEventPublisher events, Clock clock) {
        return new LocalInstanceManager(listeners, registry, events, clock);
    }

    @Bean
    TrafficDirector trafficDirector(TopologySettings settings, InMemoryRegistry registry, ApplicationEventPublisher events, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        return new TrafficDirector(settings, registry, events, clock, http);
    }

    @Bean
    TopologyRuntime topologyRuntime(TopologySettings settings, LocalInstanceManager instances, InMemoryRegistry registry,
                                    TrafficDirector director) {
        return new TopologyRuntime(settings, instances, registry, director);
    }

    @Bean
    FilterRegistrationBean<InstanceFilter> instanceFilter(LocalInstanceManager instances, TopologySettings settings, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new InstanceFilter(instances, settings, problems));
        registration.setOrder(INSTANCE_FILTER_ORDER);
        return registration;
    }

    /** Clients ask the director where to go before they have signed in anywhere. */
    @Bean
    PublicPaths directorIsPublic() {
        return PublicPaths.get(ControlPaths.DIRECTOR_REGIONS);
    }
}
