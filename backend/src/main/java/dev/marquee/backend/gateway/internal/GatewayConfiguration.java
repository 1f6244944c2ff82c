package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.cache.Caches;
import dev.marquee.backend.platform.PublicPaths;
import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {
    /** First of all filters: a gateway request is handled whole here and never meets the backend's own chain. */
    static final int GATEWAY_FILTER_ORDER = -140;

    @Bean(destroyMethod = "close")
    ExecutorService gatewayExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-", 0).factory());
    }

    @Bean(destroyMethod = "close")
    HttpClient gatewayHttpClient(GatewaySettings settings, ExecutorService gatewayExecutor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(gatewayExecutor)
                .build();
    }

    @Bean
    GatewayRuntime gatewayRuntime(TopologySettings topology, LocalInstances instances, GatewaySettings settings) {
        return new GatewayRuntime(topology, instances, settings);
    }

    @Bean
    FilterRegistrationBean<GatewayFilter> gatewayFilter(GatewaySettings settings, TopologySettings topology,
            LocalInstances instances, DiscoveryRegistry registry, ProtectedCalls calls, JwtDecoder jwtDecoder,
            List<PublicPaths> publicPaths, Caches caches, JsonMapper json, Clock clock, HttpClient gatewayHttpClient,
            ExecutorService gatewayExecutor) {
        GatewayProblems problems = new GatewayProblems(json);
        Router router = new Router(new LoadBalancer(registry, calls), calls, gatewayHttpClient, problems, settings.retries());
        HomeAggregator home = new HomeAggregator(router, topology, caches, json, gatewayExecutor, settings.partTimeout(),
                settings.partCacheTtl());
        GatewayFilter filter = new GatewayFilter(instances, topology, new Authenticator(jwtDecoder, publicPaths),
                new RateLimits(settings.accountPerSecond(), settings.accountPerMinute(), clock),
                new RateLimits(settings.addressPerSecond(), settings.addressPerMinute(), clock),
                router, home, problems, settings.maxBodySize());
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(GATEWAY_FILTER_ORDER);
        return registration;
    }
}
