package dev.marquee.backend.playback.internal;

import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.events.ConsumerLoop;
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
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#PLAYBACK_HEARTBEATS} as consumer group {@value #GROUP} on one daemon thread
 * ({@link ConsumerLoop}; a heartbeat that throws is logged and counted as dropped): upserts the
 * (profile, title) resume position, moves the session's last-seen time, and ends the session on END or ERROR.
 * A heartbeat counts only if its session exists, belongs to the account that sent it and matches its profile and
 * title (the heartbeat endpoint takes the profile as reported, so this is where a forged one is dropped).
 * Offsets are committed after each batch: a restart replays at most one batch, which the upserts absorb.
 */
@Component
class HeartbeatIngester implements ConsumerLoop.Owner {
    static final String GROUP = "playback-resume";
    /** Records per poll: a batch is a few milliseconds of upserts. */
    static final int MAX_POLL_RECORDS = 500;
    /** How long an idle poll waits for an append before looping (stop() interrupts it). */
    static final Duration POLL_WAIT = Duration.ofSeconds(1);

    private final StreamSessionRepository sessions;
    private final ResumePositions positions;
    private final CatalogManagement catalog;
    private final ResumeCache resumeCache;
    private final LongAdder applied = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final ConsumerLoop loop;

    HeartbeatIngester(EventLog eventLog, StreamSessionRepository sessions, ResumePositions positions,
                      CatalogManagement catalog, ResumeCache resumeCache) {
        this.resumeCache = resumeCache;
        this.sessions = sessions;
        this.positions = positions;
        this.catalog = catalog;
        this.loop = new ConsumerLoop(eventLog, new ConsumerLoop.Config("playback-heartbeats", GROUP,
                List.of(Topics.PLAYBACK_HEARTBEATS), EventLog.OffsetReset.EARLIEST, MAX_POLL_RECORDS, Duration.ZERO),
                this);
    }

    @Override
    public ConsumerLoop consumerLoop() {
        return loop;
    }

    @Override
    public Duration pollWait() {
        return POLL_WAIT;
    }

    /** Applies one record; called by the consumer thread (or a test). */
    @Override
    public void accept(LogRecord record) {
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

    @Override
    public void failed(LogRecord record, RuntimeException e) {
        dropped.increment();
    }

    long applied() {
        return applied.sum();
    }

    long dropped() {
        return dropped.sum();
    }
}
