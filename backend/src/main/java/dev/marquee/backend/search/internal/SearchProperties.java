package dev.marquee.backend.search.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code marquee.search}.
 *
 * @param indexDir directory of the Lucene index; deleting it is safe (it is rebuilt from the catalog at start)
 */
@ConfigurationProperties("marquee.search")
public record SearchProperties(Path indexDir) {}
