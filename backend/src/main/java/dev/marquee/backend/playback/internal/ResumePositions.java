package dev.marquee.backend.playback.internal;

import dev.marquee.model.playback.ResumePosition;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resume positions in {@code playback_resume_positions}, written the way a Cassandra table would be: a blind upsert
 * per (profile, title) where the newer write timestamp wins, no read-before-write in a transaction, so duplicated or
 * reordered heartbeats converge on the latest one. The H2 form is "update if older, else insert"; with Cassandra it
 * would be one {@code INSERT ... USING TIMESTAMP}.
 */
@Repository
class ResumePositions {
    /** Continue Watching is one row of the home screen: a row holds about this many cards. */
    static final int CONTINUE_WATCHING_LIMIT = 20;
    /** A title within its last 5 % counts as finished (the end credits). */
    static final double FINISHED_FRACTION = 0.05;
    /**
     * ...but never more than the last 2 minutes, so a long film whose viewer stopped 5 minutes before the end is
     * still offered; for short titles the 5 % is the smaller and wins.
     */
    static final Duration FINISHED_TAIL_CAP = Duration.ofMinutes(2);

    private final JdbcClient jdbc;

    ResumePositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a position unless a newer one is already stored; true when this one was stored. */
    boolean upsert(UUID profileId, UUID titleId, long positionMs, long durationMs, Instant at) {
        OffsetDateTime ts = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = jdbc.sql("""
                    update playback_resume_positions set position_ms = ?, duration_ms = ?, updated_at = ?
                    where profile_id = ? and title_id = ? and updated_at <= ?""")
                    .params(positionMs, durationMs, ts, profileId, titleId, ts).update();
            if (updated > 0) {
                return true;
            }
            if (exists(profileId, titleId)) {
                return false; // a newer position is there already
            }
            try {
                jdbc.sql("""
                        insert into playback_resume_positions (profile_id, title_id, position_ms, duration_ms, updated_at)
                        values (?, ?, ?, ?, ?)""")
                        .params(profileId, titleId, positionMs, durationMs, ts).update();
                return true;
            } catch (DuplicateKeyException raced) {
                // Another writer inserted first: go round once more to compare timestamps.
            }
        }
        return false;
    }

    Optional<ResumePosition> find(UUID profileId, UUID titleId) {
        return jdbc.sql("select * from playback_resume_positions where profile_id = ? and title_id = ?")
                .params(profileId, titleId).query(ResumePositions::map).optional();
    }

    /** The profile's unfinished titles, most recently watched first. */
    List<ResumePosition> continueWatching(UUID profileId) {
        return jdbc.sql("select * from playback_resume_positions where profile_id = ? order by updated_at desc")
                .param(profileId).query(ResumePositions::map).stream()
                .filter(p -> !finished(p))
                .limit(CONTINUE_WATCHING_LIMIT)
                .toList();
    }

    static boolean finished(ResumePosition p) {
        long tailMs = Math.min(Math.round(p.durationMs() * FINISHED_FRACTION), FINISHED_TAIL_CAP.toMillis());
        return p.durationMs() > 0 && p.positionMs() >= p.durationMs() - tailMs;
    }

    private boolean exists(UUID profileId, UUID titleId) {
        return jdbc.sql("select count(*) from playback_resume_positions where profile_id = ? and title_id = ?")
                .params(profileId, titleId).query(Long.class).single() > 0;
    }

    private static ResumePosition map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ResumePosition(rs.getObject("title_id", UUID.class), rs.getLong("position_ms"),
                rs.getLong("duration_ms"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
