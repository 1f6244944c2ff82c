package dev.marquee.backend.origin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Object storage for published media, addressed by relative keys such as {@code titles/<id>/master.m3u8}.
 * Single objects may be put and deleted directly; a whole title is published through {@link #stageTitle(UUID)}
 * so that it appears only when every file is present and matches its checksum.
 * Implementations are thread-safe.
 */
public interface Origin {

    /** Name of the per-title checksum manifest, in {@code sha256sum} format, relative to the title's directory. */
    String CHECKSUMS_FILE = "checksums.sha256";

    /** Key prefix under which published titles live. */
    String TITLES_PREFIX = "titles/";

    static String titlePrefix(UUID titleId) {
        return TITLES_PREFIX + titleId + "/";
    }

    /** Stores {@code content} under {@code key}, replacing an existing object atomically. */
    void put(String key, InputStream content) throws IOException;

    /** Opens the object under {@code key}, or returns empty if there is none. The caller closes the stream. */
    Optional<InputStream> get(String key) throws IOException;

    /** Keys of every object whose key starts with {@code prefix}, sorted. */
    List<String> list(String prefix) throws IOException;

    /** Deletes one object; returns whether it existed. */
    boolean delete(String key) throws IOException;

    /** Ids of the titles that are published. */
    List<UUID> titles() throws IOException;

    boolean hasTitle(UUID titleId);

    /** Removes a published title entirely (its directory disappears in one rename, then is deleted). */
    boolean deleteTitle(UUID titleId) throws IOException;

    /**
     * Starts writing a new title into a private staging area. Nothing is visible under {@code titles/} until
     * {@link TitleStaging#publish()} succeeds.
     *
     * @throws IOException if the staging area cannot be created
     */
    TitleStaging stageTitle(UUID titleId) throws IOException;
}
