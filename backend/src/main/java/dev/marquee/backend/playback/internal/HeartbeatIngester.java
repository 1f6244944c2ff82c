package dev.marquee.backend.playback.internal;

import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.playback.ResumePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#PLAYBACK_HEARTBEATS} as consumer group {@value #GROUP} on one daemon thread: upserts the
 * (profile, title) resume position, moves the session's last-seen time, and ends the session on END or ERROR.
 * A heartbeat counts only if its session exists, belongs to the account that sent it and matches its profile and
 * title (the heartbeat endpoint takes the profile as reported, so this is where a forged one is dropped).
 * Offsets are committed after each batch: a restart replays at most one batch, which the upserts absorb.
 */
@Component
class HeartbeatIngester implements SmartLifecycle {
    static final String GROUP = "playback-resume";
    /** Records per poll: a batch is a few milliseconds of upserts. */
    static final int MAX_POLL_RECORDS = 500;
    /** How long an idle poll waits for an append before looping (so stop() is noticed within this). */
    static final Duration POLL_WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(HeartbeatIngester.class);

    private final EventLog eventLog;
    private final StreamSessionRepository sessions;
    private final ResumePositions positions;
    private final CatalogManagement catalog;
    private final ResumeCache resumeCache;
    private final LongAdder applied = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile @Nullable Thread thread;
    private volatile boolean running;

    HeartbeatIngester(EventLog eventLog, StreamSessionRepository sessions, ResumePositions positions,
                      CatalogManagement catalog, ResumeCache resumeCache) {
        this.eventLog = eventLog;
        this.resumeCache = resumeCache;
        this.sessions = sessions;
        this.positions = positions;
        this.catalog = catalog;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("playback-heartbeats").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (EventConsumer consumer = eventLog.consumer(GROUP, List.of(Topics.PLAYBACK_HEARTBEATS),
                EventLog.OffsetReset.EARLIEST)) {
            while (running) {
                List<LogRecord> records = consumer.poll(MAX_POLL_RECORDS, POLL_WAIT);
                for (LogRecord record : records) {
                    try {
                        accept(record);
                    } catch (RuntimeException e) {
                        dropped.increment();
                        log.warn("Heartbeat at {}/{}@{} not applied: {}", record.topic(), record.partition(),
                                record.offset(), e.toString());
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commit();
                }
            }
        } catch (RuntimeException e) {
            log.error("Playback heartbeat consumer stopped", e);
        }
    }

    /** Applies one record; called by the consumer thread (or a test). */
    void accept(LogRecord record) {
        if (!(record.value() instanceof HeartbeatReceived received)) {
            return;
        }
        PlaybackHeartbeat beat = received.heartbeat();
        Optional<StreamSession> session = sessions.find(beat.sessionId()).filter(s ->
                s.accountId().equals(received.accountId()) && s.profileId().equals(beat.profileId())
                        && s.titleId().equals(beat.titleId()));
        if (session.isEmpty()) {
            dropped.increment();
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestampMs());
        long durationMs = catalog.findTitle(beat.titleId()).map(t -> t.duration().toMillis()).orElse(0L);
        long positionMs = durationMs > 0 ? Math.min(beat.positionMs(), durationMs) : beat.positionMs();
        if (positions.upsert(beat.profileId(), beat.titleId(), positionMs, durationMs, at)) {
            // The viewer's next reads go to the region serving it now (another one after a failover), not the session's.
            resumeCache.written(received.regionServedNow(), beat.profileId(),
                    new ResumePosition(beat.titleId(), positionMs, durationMs, at));
        }
        sessions.seen(beat.sessionId(), at);
        if (beat.type() == PlaybackEventType.END || beat.type() == PlaybackEventType.ERROR) {
            sessions.end(received.accountId(), beat.sessionId(), at);
        }
        applied.increment();
    }

    long applied() {
        return applied.sum();
    }

    long dropped() {
        return dropped.sum();
    }
}
