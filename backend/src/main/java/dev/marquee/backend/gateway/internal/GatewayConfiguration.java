package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.platform.PublicPaths;
import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {

    @Bean(destroyMethod = "close")
    GatewayServer gatewayServer(GatewaySettings settings) {
        return new GatewayServer(settings);
    }

    @Bean
    GatewayPhases gatewayPhases(GatewaySettings settings, TopologySettings topology, GatewayServer server,
            DiscoveryRegistry registry, ProtectedCalls calls, JwtDecoder jwtDecoder, List<PublicPaths> publicPaths,
            Caches caches, JsonMapper json, Clock clock) {
        GatewayProblems problems = new GatewayProblems(json);
        Router router = new Router(new LoadBalancer(registry, calls), calls, server.upstream(settings.connectTimeout()),
                problems, settings.retries());
        HomeAggregator home = new HomeAggregator(router, topology, caches, json, settings.partTimeout(), settings.partCacheTtl());
        return new GatewayPhases(topology, new Authenticator(jwtDecoder, publicPaths),
                new RateLimits(settings.accountPerSecond(), settings.accountPerMinute(), clock),
                new RateLimits(settings.addressPerSecond(), settings.addressPerMinute(), clock),
                router, home, problems);
    }

    @Bean
    GatewayRuntime gatewayRuntime(TopologySettings topology, LocalInstances instances, GatewayServer server,
                                  GatewayPhases phases) {
        return new GatewayRuntime(topology, instances, server, phases);
    }
}
