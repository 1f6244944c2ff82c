package dev.marquee.backend.origin.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the origin keeps its objects.
 *
 * @param root    published objects; edge nodes serve this tree
 * @param staging titles being written; must be on the same file system as {@code root} so that publishing is
 *                one atomic rename
 */
@ConfigurationProperties("marquee.origin")
public record OriginProperties(Path root, Path staging) {}
