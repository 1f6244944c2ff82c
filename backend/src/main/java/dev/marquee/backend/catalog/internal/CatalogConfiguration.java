package dev.marquee.backend.catalog.internal;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the catalog's settings and lets every controller take a {@code ViewerContext} argument. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration implements WebMvcConfigurer {

    private final ViewerContextArgumentResolver viewerContexts;

    CatalogConfiguration(ViewerContextArgumentResolver viewerContexts) {
        this.viewerContexts = viewerContexts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(viewerContexts);
    }
}
