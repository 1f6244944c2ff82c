package dev.marquee.backend.platform;

import java.nio.file.Path;

/** The data directory ({@code marquee.home}, default {@code ~/.marquee}), as an absolute path. */
public record MarqueeHome(Path path) {
    public Path resolve(String other) {
        return path.resolve(other);
    }
}
