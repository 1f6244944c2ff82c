package dev.marquee.backend.playback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stream sessions in {@code playback_sessions}; lookups that a client triggers are scoped to its account. */
@Repository
class StreamSessionRepository {
    private final JdbcClient jdbc;

    StreamSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StreamSession s) {
        jdbc.sql("""
                insert into playback_sessions
                    (id, account_id, profile_id, title_id, region, isp, expires_at, created_at, last_seen_at, ended_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.accountId(), s.profileId(), s.titleId(), s.region(), s.isp(), sql(s.expiresAt()),
                        sql(s.createdAt()), sql(s.lastSeenAt()), sql(s.endedAt()))
                .update();
    }

    /** Any session by id, whoever owns it (the heartbeat consumer checks the owner itself). */
    Optional<StreamSession> find(UUID sessionId) {
        return jdbc.sql("select * from playback_sessions where id = ?").param(sessionId)
                .query(StreamSessionRepository::map).optional();
    }

    Optional<StreamSession> find(UUID accountId, UUID sessionId) {
        return jdbc.sql("select * from playback_sessions where account_id = ? and id = ?").params(accountId, sessionId)
                .query(StreamSessionRepository::map).optional();
    }

    List<UUID> openIds(UUID accountId) {
        return jdbc.sql("select id from playback_sessions where account_id = ? and ended_at is null")
                .param(accountId).query(UUID.class).list();
    }

    /** Ends the session if it is open; false when it was already ended (or is not the account's). */
    boolean end(UUID accountId, UUID sessionId, Instant at) {
        return jdbc.sql("update playback_sessions set ended_at = ? where account_id = ? and id = ? and ended_at is null")
                .params(sql(at), accountId, sessionId).update() > 0;
    }

    /** Moves last_seen_at forward (never back: heartbeats of one session may be consumed late). */
    void seen(UUID sessionId, Instant at) {
        jdbc.sql("update playback_sessions set last_seen_at = ? where id = ? and last_seen_at < ?")
                .params(sql(at), sessionId, sql(at)).update();
    }

    private static @Nullable OffsetDateTime sql(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static StreamSession map(ResultSet rs, int row) throws SQLException {
        return new StreamSession(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("profile_id", UUID.class), rs.getObject("title_id", UUID.class), rs.getString("region"),
                rs.getString("isp"), read(rs, "expires_at"), read(rs, "created_at"), read(rs, "last_seen_at"),
                read(rs, "ended_at"));
    }
}
