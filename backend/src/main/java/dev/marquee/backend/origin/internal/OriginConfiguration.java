package dev.marquee.backend.origin.internal;

import dev.marquee.backend.origin.Origin;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the local-directory origin. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OriginProperties.class)
class OriginConfiguration {

    @Bean
    Origin origin(OriginProperties properties) throws IOException {
        return new LocalDirectoryOrigin(properties.root(), properties.staging());
    }
}
