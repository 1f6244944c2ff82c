package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.EncodingJobProgressed;
import dev.marquee.backend.encoding.JobState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns a job's stage and the share of the stage done into an overall percent and an ETA, stores it and publishes
 * {@link EncodingJobProgressed}: on every stage change, and within a stage at most once per interval.
 * Used by the one thread that runs the job.
 */
final class JobProgress {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobProgress.class);
    /** Rough share of a job's time each stage takes, [start, end) in percent, as seen on the sample titles. */
    static final Map<JobState, double[]> STAGE_RANGES = Map.of(
            JobState.QUEUED, new double[] {0, 0},
            JobState.PROBING, new double[] {0, 5},
            JobState.ANALYSING, new double[] {5, 30},
            JobState.ENCODING, new double[] {30, 90},
            JobState.PACKAGING, new double[] {90, 97},
            JobState.PUBLISHING, new double[] {97, 100});
    /** Below this much progress in this run an ETA is a guess, so none is given. */
    static final double MIN_PERCENT_FOR_ETA = 2;

    private final UUID jobId;
    private final UUID titleId;
    private final JobRepository repository;
    private final ApplicationEventPublisher events;
    private final InstantSource clock;
    private final Duration interval;
    private final Instant runStarted;
    private final double percentAtRunStart;
    private JobState state;
    private double percent;
    private Instant lastPublished = Instant.MIN;

    JobProgress(UUID jobId, UUID titleId, double percentAtStart, JobRepository repository, ApplicationEventPublisher events,
            InstantSource clock, Duration interval) {
        this.jobId = jobId;
        this.titleId = titleId;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.runStarted = clock.instant();
        this.percentAtRunStart = percentAtStart;
        this.percent = percentAtStart;
        this.state = JobState.QUEUED;
    }

    JobState state() {
        return state;
    }

    void stage(JobState next, String detail) {
        state = next;
        log.info("Encoding job {}: {} ({})", jobId, next, detail);
        update(0, detail, true);
    }

    void within(double shareOfStage, String detail) {
        update(shareOfStage, detail, false);
    }

    private void update(double share, String detail, boolean force) {
        double[] range = STAGE_RANGES.get(state);
        percent = Math.max(percent, range[0] + Math.clamp(share, 0, 1) * (range[1] - range[0]));
        Instant now = clock.instant();
        if (!force && Duration.between(lastPublished, now).compareTo(interval) < 0) return;
        lastPublished = now;
        Long eta = eta(now);
        repository.progress(jobId, state, round(percent), detail, eta, now);
        events.publishEvent(new EncodingJobProgressed(jobId, titleId, state, round(percent), detail,
                eta == null ? null : Duration.ofSeconds(eta), null, now));
    }

    private @Nullable Long eta(Instant now) {
        double done = percent - percentAtRunStart;
        if (done < MIN_PERCENT_FOR_ETA) return null;
        double elapsedSeconds = Duration.between(runStarted, now).toMillis() / 1000.0;
        return Math.round(elapsedSeconds * (100 - percent) / done);
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
