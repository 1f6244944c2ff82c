package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.JobState;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code encoding_jobs}. The JSON columns hold each finished stage's result so that a job interrupted by
 * a restart resumes after the last finished stage.
 *
 * @param sourceOwned the source is an upload the encoder owns (deleted when the job ends)
 * @param probeJson   {@code MediaProbe} after PROBING
 * @param ladderJson  {@code Analysis} (trial points and planned rungs) after ANALYSING
 * @param reportJson  {@code RungReport}s after ENCODING
 */
record JobRecord(
        UUID id,
        UUID titleId,
        String title,
        JobState state,
        double percent,
        String stageDetail,
        @Nullable Long etaSeconds,
        String sourcePath,
        boolean sourceOwned,
        String metadataJson,
        String profile,
        @Nullable String probeJson,
        @Nullable String ladderJson,
        @Nullable String reportJson,
        @Nullable String failureReason,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {}
