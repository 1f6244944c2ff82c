package dev.marquee.backend.edge.node;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A node's disk cache: files under {@code <dir>/objects/<key>}, an in-memory index bounded by a byte capacity,
 * evicted by size-aware W-TinyLFU (Caffeine; see docs/decisions/0004-edge-cache-eviction.md).
 * Fills land in {@code <dir>/tmp} and are moved into place atomically, so a reader never sees a partial file.
 * It does not fetch anything: {@link Filler} does, then calls {@link #admit}.
 *
 * <p>Eviction deletes the file inside Caffeine's atomic eviction step, on the cache's own maintenance thread
 * (never on an I/O thread). A reader that already opened the file keeps reading the unlinked inode.
 */
final class DiskCache implements ObjectStore {

    private final Path objects;
    private final Path tmp;
    private final Cache<String, StoredObject> index;
    private final ExecutorService maintenance;
    private final LongAdder evictions = new LongAdder();

    DiskCache(String nodeId, Path directory, long capacityBytes) {
        this.objects = directory.resolve("objects").toAbsolutePath().normalize();
        this.tmp = directory.resolve("tmp").toAbsolutePath().normalize();
        this.maintenance = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("edge-" + nodeId + "-cache").daemon(true).factory());
        this.index = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((String key, StoredObject o) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, o.length())))
                .evictionListener(this::onEvicted)
                .executor(maintenance)
                .build();
        try {
            Files.createDirectories(objects);
            Files.createDirectories(tmp);
            clearTemporaryFiles();
            loadExisting();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open cache directory " + directory, e);
        }
    }

    /** A fresh temporary file for a fill, on the same file system as the objects (so the final move is atomic). */
    Path newTemporaryFile() throws IOException {
        return Files.createTempFile(tmp, "fill-", ".part");
    }

    /**
     * Moves a completely written fill into place and indexes it.
     *
     * @param lastModifiedMs the upstream's Last-Modified, copied onto the file so ETags agree across tiers
     */
    StoredObject admit(String key, Path filled, long lastModifiedMs) throws IOException {
        Path target = objects.resolve(key);
        if (!target.normalize().startsWith(objects)) {
            throw new IOException("key escapes the cache directory: " + key);
        }
        Files.setLastModifiedTime(filled, FileTime.fromMillis(lastModifiedMs));
        Files.createDirectories(target.getParent());
        Files.move(filled, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoredObject object = StoredObject.of(key, target, Files.size(target), lastModifiedMs);
        index.put(key, object);
        return object;
    }

    @Override
    public @Nullable StoredObject find(String key) {
        return index.getIfPresent(key);
    }

    @Override
    public void forget(StoredObject object) {
        index.asMap().remove(object.key(), object);
    }

    @Override
    public long storedBytes() {
        return index.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    @Override
    public long evictions() {
        return evictions.sum();
    }

    @Override
    public Set<String> keys() {
        return new TreeSet<>(index.asMap().keySet());
    }

    /** Runs pending evictions now (tests and stats want a settled size). */
    void settle() {
        index.cleanUp();
    }

    @Override
    public void close() {
        maintenance.shutdown();
    }

    private void onEvicted(@Nullable String key, @Nullable StoredObject object, RemovalCause cause) {
        if (object == null || !cause.wasEvicted()) {
            return;
        }
        evictions.increment();
        try {
            Files.deleteIfExists(object.file());
        } catch (IOException e) {
            System.getLogger(DiskCache.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete evicted " + object.file() + ": " + e);
        }
    }

    private void clearTemporaryFiles() throws IOException {
        try (Stream<Path> parts = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) parts::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Re-indexes what a previous run left on disk, oldest first so the recently used survive an over-full start. */
    private void loadExisting() throws IOException {
        record Found(Path file, BasicFileAttributes attrs) {}
        try (Stream<Path> files = Files.walk(objects)) {
            var found = files.filter(Files::isRegularFile).map(p -> {
                try {
                    return new Found(p, Files.readAttributes(p, BasicFileAttributes.class));
                } catch (IOException e) {
                    return null;
                }
            }).filter(f -> f != null)
              .sorted(Comparator.comparing((Found f) -> f.attrs().lastAccessTime()))
              .toList();
            for (Found f : found) {
                String key = objects.relativize(f.file()).toString().replace('\\', '/');
                if (ObjectKeys.keyOf("/" + key) == null) {
                    Files.deleteIfExists(f.file()); // not something this node would have written
                    continue;
                }
                index.put(key, StoredObject.of(key, f.file(), f.attrs().size(), f.attrs().lastModifiedTime().toMillis()));
            }
        }
    }
}
