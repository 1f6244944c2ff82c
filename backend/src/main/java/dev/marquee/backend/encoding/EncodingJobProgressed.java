package dev.marquee.backend.encoding;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published when an encoding job changes stage, and at most every {@code progress-interval} while a stage runs.
 * The last event of a job has state COMPLETED or FAILED.
 */
public record EncodingJobProgressed(
        UUID jobId,
        UUID titleId,
        JobState state,
        double percent,
        String stageDetail,
        @Nullable Duration eta,
        @Nullable String failureReason,
        Instant at) {}
