package dev.marquee.backend.edge.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Set;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A node's disk cache: files under {@code <dir>/objects/<key>}, an in-memory index bounded by a byte capacity,
 * evicted by a size-aware segmented LRU ({@link SegmentedLru}; see docs/decisions/0004-edge-cache-eviction.md).
 * Fills land in {@code <dir>/tmp} and are moved into place atomically, so a reader never sees a partial file.
 * It does not fetch anything: {@link Filler} does, then calls {@link #admit}.
 *
 * <p>Eviction happens when a fill is admitted, on the fill's thread (never on an I/O thread), and deletes the
 * victims' files under the index lock, so a later fill of the same key cannot have its new file deleted by a
 * stale eviction. A reader that already opened an evicted file keeps reading the unlinked inode.
 */
final class DiskCache implements ObjectStore {

    private final Path objects;
    private final Path tmp;
    private final SegmentedLru<StoredObject> index;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder evictions = new LongAdder();

    DiskCache(Path directory, long capacityBytes) {
        this.objects = directory.resolve("objects").toAbsolutePath().normalize();
        this.tmp = directory.resolve("tmp").toAbsolutePath().normalize();
        this.index = new SegmentedLru<>(capacityBytes, StoredObject::length);
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
     * @param planned        filled ahead of demand by a fill plan (starts protected, see {@link SegmentedLru})
     */
    StoredObject admit(String key, Path filled, long lastModifiedMs, boolean planned) throws IOException {
        Path target = objects.resolve(key);
        if (!target.normalize().startsWith(objects)) {
            throw new IOException("key escapes the cache directory: " + key);
        }
        Files.setLastModifiedTime(filled, FileTime.fromMillis(lastModifiedMs));
        Files.createDirectories(target.getParent());
        Files.move(filled, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoredObject object = StoredObject.of(key, target, Files.size(target), lastModifiedMs);
        put(key, object, planned);
        return object;
    }

    @Override
    public @Nullable StoredObject find(String key) {
        lock.lock();
        try {
            return index.get(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void forget(StoredObject object) {
        lock.lock();
        try {
            StoredObject current = index.remove(object.key());
            if (current != null && current != object) {
                index.put(current.key(), current); // replaced meanwhile by a newer fill: keep that one
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long storedBytes() {
        lock.lock();
        try {
            return index.sizeBytes();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long evictions() {
        return evictions.sum();
    }

    @Override
    public Set<String> keys() {
        lock.lock();
        try {
            return index.keys();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {}

    private void put(String key, StoredObject object, boolean planned) {
        lock.lock();
        try {
            List<StoredObject> evicted = index.put(key, object, planned);
            for (StoredObject victim : evicted) {
                evictions.increment();
                try {
                    Files.deleteIfExists(victim.file());
                } catch (IOException e) {
                    System.getLogger(DiskCache.class.getName()).log(System.Logger.Level.WARNING,
                            "could not delete evicted " + victim.file() + ": " + e);
                }
            }
        } finally {
            lock.unlock();
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
                put(key, StoredObject.of(key, f.file(), f.attrs().size(), f.attrs().lastModifiedTime().toMillis()), false);
            }
        }
    }
}
