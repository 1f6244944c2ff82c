package dev.marquee.backend.origin.internal;

import dev.marquee.backend.origin.Checksums;
import dev.marquee.backend.origin.Origin;
import dev.marquee.backend.origin.TitleStaging;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origin as a directory tree: key {@code a/b/c} is file {@code root/a/b/c}. Titles are staged in a sibling
 * directory on the same file system and moved into place with an atomic rename. Whatever is left in the staging
 * directory at start-up belongs to a publish that never finished and is deleted.
 */
public final class LocalDirectoryOrigin implements Origin {
    private static final Logger log = LoggerFactory.getLogger(LocalDirectoryOrigin.class);

    private final Path root;
    private final Path staging;

    public LocalDirectoryOrigin(Path root, Path staging) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.staging = staging.toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve(TITLES_PREFIX));
        Files.createDirectories(this.staging);
        int discarded = cleanStaging();
        if (discarded > 0) {
            log.info("Origin: discarded {} unfinished title publish(es) from {}", discarded, this.staging);
        }
    }

    public Path root() {
        return root;
    }

    private int cleanStaging() throws IOException {
        int count = 0;
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path entry : entries.toList()) {
                deleteTree(entry);
                count++;
            }
        }
        return count;
    }

    /** Resolves a key to a path inside the root, refusing keys that would escape it. */
    Path resolve(String key) {
        if (key.isBlank() || key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
            throw new IllegalArgumentException("invalid origin key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("origin key escapes the origin: " + key);
        }
        return path;
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".put-", ".tmp");
        try {
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        Path path = resolve(key);
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && !k.endsWith(".tmp"))
                    .sorted()
                    .forEach(keys::add);
        }
        return keys;
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    @Override
    public List<UUID> titles() throws IOException {
        List<UUID> ids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root.resolve(TITLES_PREFIX))) {
            for (Path entry : entries.toList()) {
                try {
                    if (Files.isDirectory(entry)) ids.add(UUID.fromString(entry.getFileName().toString()));
                } catch (IllegalArgumentException notATitle) {
                    // Not ours (e.g. a stray file); ignore.
                }
            }
        }
        return ids;
    }

    @Override
    public boolean hasTitle(UUID titleId) {
        return Files.isDirectory(titleDirectory(titleId));
    }

    private Path titleDirectory(UUID titleId) {
        return root.resolve(Origin.titlePrefix(titleId));
    }

    @Override
    public boolean deleteTitle(UUID titleId) throws IOException {
        Path directory = titleDirectory(titleId);
        if (!Files.isDirectory(directory)) return false;
        // Move out of sight first so readers never see a half-deleted title.
        Path doomed = staging.resolve("deleting-" + titleId + "-" + UUID.randomUUID());
        Files.move(directory, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
        return true;
    }

    @Override
    public TitleStaging stageTitle(UUID titleId) throws IOException {
        Path directory = staging.resolve(titleId + "-" + UUID.randomUUID());
        Files.createDirectories(directory);
        return new LocalStaging(titleId, directory);
    }

    private final class LocalStaging implements TitleStaging {
        private final UUID titleId;
        private final Path directory;
        private boolean published;

        LocalStaging(UUID titleId, Path directory) {
            this.titleId = titleId;
            this.directory = directory;
        }

        @Override
        public UUID titleId() {
            return titleId;
        }

        @Override
        public Path directory() {
            return directory;
        }

        @Override
        public int publish() throws IOException {
            if (published) throw new IllegalStateException("already published: " + titleId);
            try {
                var digests = Checksums.digestTree(directory);
                if (digests.isEmpty()) throw new IOException("nothing to publish for title " + titleId);
                Files.writeString(directory.resolve(CHECKSUMS_FILE), Checksums.format(digests), StandardCharsets.UTF_8);
                String mismatch = Checksums.verify(directory);
                if (mismatch != null) throw new IOException("title " + titleId + " failed verification: " + mismatch);
                Path target = titleDirectory(titleId);
                if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString(), null, "title already published");
                Files.createDirectories(target.getParent());
                try {
                    Files.move(directory, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("staging " + staging + " and origin " + root
                            + " must be on the same file system for atomic publishing", e);
                }
                published = true;
                return digests.size();
            } finally {
                if (!published) close();
            }
        }

        @Override
        public void close() {
            if (published) return;
            try {
                deleteTree(directory);
            } catch (IOException e) {
                log.warn("Origin: could not discard staging directory {}: {}", directory, e.toString());
            }
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
