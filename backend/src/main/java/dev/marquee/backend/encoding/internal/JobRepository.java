package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.JobState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Encoding jobs in H2 through {@link JdbcClient}. */
@Repository
class JobRepository {
    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(JobRecord job) {
        jdbc.sql("""
                INSERT INTO encoding_jobs (id, title_id, title, state, percent, stage_detail, eta_seconds, source_path,
                    source_owned, metadata_json, profile, attempts, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(job.id(), job.titleId(), job.title(), job.state().name(), job.percent(), job.stageDetail(),
                        job.etaSeconds(), job.sourcePath(), job.sourceOwned(), job.metadataJson(), job.profile(),
                        job.attempts(), ts(job.createdAt()), ts(job.updatedAt()))
                .update();
    }

    Optional<JobRecord> find(UUID id) {
        return jdbc.sql("SELECT * FROM encoding_jobs WHERE id = ?").param(id).query(JobRepository::map).optional();
    }

    List<JobRecord> recent(int limit) {
        return jdbc.sql("SELECT * FROM encoding_jobs ORDER BY created_at DESC LIMIT ?").param(limit).query(JobRepository::map).list();
    }

    List<JobRecord> unfinished() {
        return jdbc.sql("SELECT * FROM encoding_jobs WHERE state NOT IN ('COMPLETED', 'FAILED') ORDER BY created_at")
                .query(JobRepository::map).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM encoding_jobs").query(Long.class).single();
    }

    void progress(UUID id, JobState state, double percent, String detail, @Nullable Long etaSeconds, Instant now) {
        jdbc.sql("UPDATE encoding_jobs SET state = ?, percent = ?, stage_detail = ?, eta_seconds = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), percent, detail, etaSeconds, ts(now), id)
                .update();
    }

    void saveProbe(UUID id, String json) {
        jdbc.sql("UPDATE encoding_jobs SET probe_json = ? WHERE id = ?").params(json, id).update();
    }

    void saveLadder(UUID id, String json) {
        jdbc.sql("UPDATE encoding_jobs SET ladder_json = ? WHERE id = ?").params(json, id).update();
    }

    void saveReport(UUID id, @Nullable String json) {
        jdbc.sql("UPDATE encoding_jobs SET report_json = ? WHERE id = ?").params(json, id).update();
    }

    void attempted(UUID id) {
        jdbc.sql("UPDATE encoding_jobs SET attempts = attempts + 1 WHERE id = ?").param(id).update();
    }

    /** Ends a job that has not ended yet; returns whether it did. A FAILED job keeps the percent it had reached, so the API shows how far it got. */
    boolean finish(UUID id, JobState state, String detail, @Nullable String failureReason, Instant now) {
        return jdbc.sql("""
                UPDATE encoding_jobs SET state = ?, percent = CASE WHEN ? THEN 100 ELSE percent END, stage_detail = ?,
                    eta_seconds = NULL, failure_reason = ?, updated_at = ?
                WHERE id = ? AND state NOT IN ('COMPLETED', 'FAILED')""")
                .params(state.name(), state == JobState.COMPLETED, detail, failureReason, ts(now), id)
                .update() > 0;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static JobRecord map(ResultSet rs, int row) throws SQLException {
        long eta = rs.getLong("eta_seconds");
        Long etaSeconds = rs.wasNull() ? null : eta;
        return new JobRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getString("title"),
                JobState.valueOf(rs.getString("state")),
                rs.getDouble("percent"),
                rs.getString("stage_detail"),
                etaSeconds,
                rs.getString("source_path"),
                rs.getBoolean("source_owned"),
                rs.getString("metadata_json"),
                rs.getString("profile"),
                rs.getString("probe_json"),
                rs.getString("ladder_json"),
                rs.getString("report_json"),
                rs.getString("failure_reason"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
