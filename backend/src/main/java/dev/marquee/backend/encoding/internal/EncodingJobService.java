package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.EncodingCompleted;
import dev.marquee.backend.encoding.EncodingJob;
import dev.marquee.backend.encoding.EncodingJobProgressed;
import dev.marquee.backend.encoding.EncodingManagement;
import dev.marquee.backend.encoding.IngestRequest;
import dev.marquee.backend.encoding.JobState;
import dev.marquee.backend.encoding.RungReport;
import dev.marquee.backend.encoding.TitleMetadataInput;
import dev.marquee.backend.encoding.internal.media.FfmpegRunner;
import dev.marquee.backend.encoding.internal.media.ProbeRejectedException;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.origin.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts, queues and runs encoding jobs on a fixed pool of {@code concurrency} workers, and recovers jobs that a
 * restart interrupted: each is resumed after its last finished stage, or failed with a reason if it cannot be
 * (source gone, too many attempts). A job that fails leaves nothing in the origin and forgets its content key.
 */
public final class EncodingJobService implements EncodingManagement, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EncodingJobService.class);
    /** Restarts a job may survive; a master that crashes the backend must not do so forever. */
    static final int MAX_ATTEMPTS = 3;
    static final int MAX_LIST = 500;
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final EncodingPipeline pipeline;
    private final JobRepository repository;
    private final EncodingProperties properties;
    private final FfmpegRunner runner;
    private final Origin origin;
    private final ContentKeys keys;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final InstantSource clock;
    private final ExecutorService workers;
    private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Thread> started = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    EncodingJobService(EncodingPipeline pipeline, JobRepository repository, EncodingProperties properties, FfmpegRunner runner,
            Origin origin, ContentKeys keys, ApplicationEventPublisher events, TransactionTemplate transactions,
            JsonMapper json, InstantSource clock) {
        this.pipeline = pipeline;
        this.repository = repository;
        this.properties = properties;
        this.runner = runner;
        this.origin = origin;
        this.keys = keys;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()),
                r -> Thread.ofPlatform().name("encoding-" + n.incrementAndGet()).daemon(true).unstarted(r));
    }

    @Override
    public EncodingJob submit(IngestRequest request) {
        Path source = checkServerPath(request.sourcePath());
        return queue(source, false, request.metadata(), EncodingProperties.STANDARD);
    }

    @Override
    public EncodingJob submitUpload(Path uploadedFile, TitleMetadataInput metadata) {
        try {
            Files.createDirectories(properties.uploadDirectory());
            Path owned = properties.uploadDirectory().resolve(UUID.randomUUID() + ".master");
            Files.move(uploadedFile, owned, StandardCopyOption.REPLACE_EXISTING);
            return queue(owned, true, metadata, EncodingProperties.STANDARD);
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the uploaded file: " + e.getMessage(), e);
        }
    }

    /** Queues a sample-catalog master with the sample profile (faster preset, shorter analysis). */
    EncodingJob submitSample(Path master, TitleMetadataInput metadata) {
        return queue(master, false, metadata, EncodingProperties.SAMPLE);
    }

    private Path checkServerPath(String sourcePath) {
        Path path = Path.of(sourcePath);
        if (!path.isAbsolute()) throw new IllegalArgumentException("sourcePath must be absolute: " + sourcePath);
        Path normal = path.normalize();
        boolean allowed = properties.allowedSourceRoots().stream().anyMatch(root -> normal.startsWith(root.toAbsolutePath().normalize()));
        if (!allowed) {
            throw new IllegalArgumentException("sourcePath must lie under one of " + properties.allowedSourceRoots()
                    + " (marquee.encoding.allowed-source-roots); upload the file instead");
        }
        if (!Files.isRegularFile(normal) || !Files.isReadable(normal)) {
            throw new IllegalArgumentException("sourcePath is not a readable file: " + sourcePath);
        }
        return normal;
    }

    private EncodingJob queue(Path source, boolean owned, TitleMetadataInput input, String profile) {
        var now = clock.instant();
        var metadata = input.toMetadata(now.atZone(ZoneOffset.UTC).getYear());
        JobRecord job = new JobRecord(UUID.randomUUID(), UUID.randomUUID(), metadata.title(), JobState.QUEUED, 0, "queued", null,
                source.toString(), owned, json.writeValueAsString(metadata), profile, null, null, null, null, 0, now, now);
        repository.insert(job);
        events.publishEvent(new EncodingJobProgressed(job.id(), job.titleId(), JobState.QUEUED, 0, "queued", null, null, now));
        log.info("Encoding job {} queued: '{}' from {}", job.id(), metadata.title(), source);
        enqueue(job.id());
        return view(job);
    }

    private void enqueue(UUID jobId) {
        running.put(jobId, workers.submit(() -> execute(jobId)));
    }

    /** Resumes or fails every job a previous run of the backend left unfinished. Called once at start-up. */
    void recover() {
        deleteAbandonedUploads();
        for (JobRecord job : repository.unfinished()) {
            if (job.attempts() >= MAX_ATTEMPTS) {
                fail(job, "interrupted by restart " + job.attempts() + " times; giving up");
            } else if (!Files.isReadable(Path.of(job.sourcePath()))) {
                fail(job, "interrupted by restart, and its source file is gone: " + job.sourcePath());
            } else {
                log.info("Encoding job {} ('{}') was {} when the backend stopped: resuming", job.id(), job.title(), job.state());
                repository.progress(job.id(), job.state(), job.percent(), "resuming after restart", null, clock.instant());
                enqueue(job.id());
            }
        }
    }

    /** Uploads cut off mid-transfer by a stop ({@code upload-*.part}) belong to no job. */
    private void deleteAbandonedUploads() {
        if (!Files.isDirectory(properties.uploadDirectory())) return;
        try (var files = Files.newDirectoryStream(properties.uploadDirectory(), "upload-*.part")) {
            for (Path file : files) Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Encoding: could not clean abandoned uploads in {}: {}", properties.uploadDirectory(), e.toString());
        }
    }

    private void execute(UUID jobId) {
        try {
            JobRecord job = repository.find(jobId).orElse(null);
            if (job == null || job.state().isFinal() || shuttingDown) return; // queued at shutdown: resumes next start
            started.put(jobId, Thread.currentThread());
            if (cancelled.remove(jobId)) {
                fail(job, "cancelled by operator");
                return;
            }
            repository.attempted(jobId);
            JobProgress progress = new JobProgress(job.id(), job.titleId(), job.percent(), repository, events, clock,
                    properties.progressInterval());
            try {
                EncodingCompleted completed = pipeline.run(job, progress);
                complete(job, completed);
            } catch (ProbeRejectedException e) {
                fail(job, "rejected: " + e.getMessage());
            } catch (InterruptedException e) {
                if (cancelled.remove(jobId)) fail(job, "cancelled by operator");
                else if (shuttingDown) log.info("Encoding job {} stopped by shutdown at {}; it resumes on the next start", jobId, progress.state());
                else fail(job, "interrupted");
            } catch (Exception | Error e) { // an Error too: a job must never be left running with no worker
                if (cancelled.remove(jobId)) fail(job, "cancelled by operator");
                else if (shuttingDown) log.info("Encoding job {} stopped by shutdown at {}; it resumes on the next start", jobId, progress.state());
                else {
                    log.warn("Encoding job {} failed at {}", jobId, progress.state(), e);
                    fail(job, "failed while " + progress.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
                }
            }
        } finally {
            started.remove(jobId);
            running.remove(jobId);
            runner.resume(Thread.currentThread());
        }
    }

    private void complete(JobRecord job, EncodingCompleted completed) {
        var now = clock.instant();
        // Inside a transaction so that @TransactionalEventListener / @ApplicationModuleListener consumers see it.
        transactions.executeWithoutResult(status -> {
            repository.finish(job.id(), JobState.COMPLETED, "published " + completed.renditions().size() + " rungs", null, now);
            events.publishEvent(completed);
            events.publishEvent(new EncodingJobProgressed(job.id(), job.titleId(), JobState.COMPLETED, 100,
                    "published", null, null, now));
        });
        deleteOwnedSource(job);
        log.info("Encoding job {} completed: '{}' with {} rungs", job.id(), job.title(), completed.renditions().size());
    }

    private void fail(JobRecord job, String reason) {
        var now = clock.instant();
        try {
            if (!origin.hasTitle(job.titleId())) keys.discard(job.titleId());
        } catch (RuntimeException e) {
            log.warn("Encoding job {}: could not discard the content key: {}", job.id(), e.toString());
        }
        if (!repository.finish(job.id(), JobState.FAILED, "failed", reason, now)) return; // already ended
        double percent = repository.find(job.id()).map(JobRecord::percent).orElse(0.0);
        events.publishEvent(new EncodingJobProgressed(job.id(), job.titleId(), JobState.FAILED, percent, "failed", null, reason, now));
        deleteOwnedSource(job);
        log.info("Encoding job {} ('{}') FAILED: {}", job.id(), job.title(), reason);
    }

    private void deleteOwnedSource(JobRecord job) {
        if (!job.sourceOwned()) return;
        try {
            Files.deleteIfExists(Path.of(job.sourcePath()));
        } catch (IOException e) {
            log.warn("Encoding job {}: could not delete the upload {}: {}", job.id(), job.sourcePath(), e.toString());
        }
    }

    @Override
    public Optional<EncodingJob> find(UUID jobId) {
        return repository.find(jobId).map(this::view);
    }

    @Override
    public List<EncodingJob> list(int limit) {
        return repository.recent(Math.clamp(limit, 1, MAX_LIST)).stream().map(this::view).toList();
    }

    @Override
    public boolean cancel(UUID jobId) {
        JobRecord job = repository.find(jobId).orElse(null);
        if (job == null || job.state().isFinal()) return false;
        cancelled.add(jobId);
        Future<?> future = running.get(jobId);
        Thread worker = started.get(jobId);
        if (future != null && worker != null) {
            runner.stop(worker); // its ffmpeg dies, the pipeline fails, the worker sees the flag and fails the job
        } else {
            if (future != null) future.cancel(false);
            fail(job, "cancelled by operator"); // never started; if it just started, it sees the flag
        }
        return true;
    }

    /** Whether any job is queued or running in this process. */
    boolean busy() {
        return !running.isEmpty();
    }

    long jobCount() {
        return repository.count();
    }

    private EncodingJob view(JobRecord job) {
        List<RungReport> rungs = job.reportJson() == null ? List.of()
                : json.readValue(job.reportJson(), new TypeReference<List<RungReport>>() {});
        return new EncodingJob(job.id(), job.titleId(), job.title(), job.state(), job.percent(), job.stageDetail(),
                job.etaSeconds() == null ? null : Duration.ofSeconds(job.etaSeconds()), rungs, job.failureReason(),
                job.createdAt(), job.updatedAt());
    }

    /**
     * Stops the workers by killing their ffmpeg processes (no thread interrupts: they could close H2's files);
     * stopped jobs keep their stage and resume on the next start.
     */
    @Override
    public void close() {
        shuttingDown = true;
        workers.shutdown();
        runner.close();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Encoding workers did not stop within {}", SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
