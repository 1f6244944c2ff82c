package dev.marquee.backend.search.internal;

import dev.marquee.backend.search.SearchIndex;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded Lucene index as the application's {@link SearchIndex}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties) {
        return LuceneSearchIndex.open(properties.indexDir());
    }
}
