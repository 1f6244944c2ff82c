package dev.marquee.backend.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds artwork files under the origin's root, refusing any key that would leave it: {@code ..} segments,
 * absolute keys and symbolic links pointing outside all resolve to nothing. It does not write files.
 */
@Component
class ArtworkFiles {

    private static final Logger log = LoggerFactory.getLogger(ArtworkFiles.class);

    private final Path root;

    ArtworkFiles(CatalogProperties properties) {
        this.root = properties.artworkRoot().toAbsolutePath().normalize();
    }

    /** The regular file stored under that origin key, if there is one inside the root. */
    Optional<Path> resolve(String originKey) {
        Path candidate = root.resolve(originKey).normalize();
        if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
            if (!candidate.startsWith(root)) {
                log.warn("Refused artwork key outside the origin: {}", originKey);
            }
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                log.warn("Refused artwork key linking outside the origin: {}", originKey);
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve artwork " + originKey, e);
        }
    }
}
