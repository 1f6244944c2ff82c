package dev.marquee.backend.encoding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The encoding service: accepts masters, runs them through probe, analysis, encoding, quality gate, packaging
 * and publishing on a bounded pool, and publishes {@link EncodingCompleted} when a title is in the origin.
 */
public interface EncodingManagement {

    /** Queues a master already on the server's disk; the file is left where it is. */
    EncodingJob submit(IngestRequest request);

    /**
     * Queues an uploaded master. The file is moved into the encoder's own directory and deleted when the job ends.
     */
    EncodingJob submitUpload(Path uploadedFile, TitleMetadataInput metadata);

    Optional<EncodingJob> find(UUID jobId);

    /** Most recent first. */
    List<EncodingJob> list(int limit);

    /** Stops a job that has not finished: its ffmpeg processes are killed and it ends FAILED. */
    boolean cancel(UUID jobId);
}
