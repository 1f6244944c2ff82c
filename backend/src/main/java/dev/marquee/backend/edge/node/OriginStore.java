package dev.marquee.backend.edge.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The origin's objects: the files under its root directory, read as they are (no cache, no capacity).
 * Symbolic links are not followed, so a link cannot expose a file outside the root.
 */
final class OriginStore implements ObjectStore {

    private final Path root;

    OriginStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public @Nullable StoredObject find(String key) {
        Path file = root.resolve(key);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return null;
            }
            return StoredObject.of(key, file, attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void forget(StoredObject object) {}

    @Override
    public long storedBytes() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public long evictions() { return 0; }

    @Override
    public Set<String> keys() {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> keys = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(p -> keys.add(root.relativize(p).toString().replace('\\', '/')));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {}
}
