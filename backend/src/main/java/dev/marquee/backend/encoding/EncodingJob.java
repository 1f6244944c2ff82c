package dev.marquee.backend.encoding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An encoding job as the API shows it.
 *
 * @param percent       overall progress 0–100
 * @param stageDetail   what the current stage is doing, in words
 * @param eta           estimated time to completion, if it can be estimated yet
 * @param rungs         the quality gate's report, once encoding is done
 * @param failureReason why the job FAILED
 */
public record EncodingJob(
        UUID id,
        UUID titleId,
        String title,
        JobState state,
        double percent,
        String stageDetail,
        @Nullable Duration eta,
        List<RungReport> rungs,
        @Nullable String failureReason,
        Instant createdAt,
        Instant updatedAt) {}
