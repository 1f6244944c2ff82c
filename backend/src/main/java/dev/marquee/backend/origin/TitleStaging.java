package dev.marquee.backend.origin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A title being written to the origin. Files are written with ordinary file I/O under {@link #directory()}
 * (paths relative to it become keys under {@code titles/<titleId>/}); {@link #publish()} writes the checksum
 * manifest, verifies every file against it and moves the directory into place in one atomic rename.
 * {@link #close()} discards whatever was not published. Used by one thread at a time.
 */
public interface TitleStaging extends AutoCloseable {

    UUID titleId();

    /** The private directory to write the title's files into. */
    Path directory();

    /**
     * Makes the title visible: writes {@code checksums.sha256} over every file, re-reads every file to verify
     * it, then renames the directory to {@code titles/<titleId>}.
     *
     * @return the number of files published (without the manifest)
     * @throws IOException if a file cannot be read, a checksum does not match, or the title already exists;
     *                     the staging area is then discarded
     */
    int publish() throws IOException;

    /** Discards the staging area if it was not published. Never throws. */
    @Override
    void close();
}
