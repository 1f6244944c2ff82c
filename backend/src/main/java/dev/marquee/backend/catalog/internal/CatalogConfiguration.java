package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.platform.PublicPaths;
import dev.marquee.model.catalog.CatalogPaths;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the catalog's settings, lets every controller take a {@code ViewerContext} argument, and opens the
 * artwork to anonymous requests: images are public and cacheable like a CDN's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration implements WebMvcConfigurer {

    private final ViewerContextArgumentResolver viewerContexts;

    CatalogConfiguration(ViewerContextArgumentResolver viewerContexts) {
        this.viewerContexts = viewerContexts;
    }

    @Bean
    PublicPaths artworkIsPublic() {
        return PublicPaths.get(CatalogPaths.ARTWORK_PATTERN);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(viewerContexts);
    }
}
