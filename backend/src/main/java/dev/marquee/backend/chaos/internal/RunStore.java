package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.RunStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Run reports in H2 ({@code chaos_runs}): a row when a run starts, its full report when it ends. */
final class RunStore {
    /** Runs a list answers with: the console shows recent history, not all of it. */
    static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(RunView run) {
        int updated = jdbc.sql("UPDATE chaos_runs SET status = :status, ended_at = :endedAt, report = :report WHERE id = :id")
                .param("status", run.status().name())
                .param("endedAt", run.endedAt() == null ? null : Timestamp.from(run.endedAt()))
                .param("report", json.writeValueAsString(run))
                .param("id", run.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO chaos_runs (id, type, status, started_at, ended_at, report) "
                            + "VALUES (:id, :type, :status, :startedAt, :endedAt, :report)")
                    .param("id", run.id())
                    .param("type", run.type().name())
                    .param("status", run.status().name())
                    .param("startedAt", Timestamp.from(run.startedAt()))
                    .param("endedAt", run.endedAt() == null ? null : Timestamp.from(run.endedAt()))
                    .param("report", json.writeValueAsString(run))
                    .update();
        }
    }

    Optional<RunView> find(String id) {
        return jdbc.sql("SELECT report FROM chaos_runs WHERE id = :id").param("id", id).query(String.class).optional()
                .map(this::read);
    }

    /** Newest first, without timelines. */
    List<RunView> recent() {
        return jdbc.sql("SELECT report FROM chaos_runs ORDER BY started_at DESC LIMIT " + LIST_LIMIT)
                .query(String.class).list().stream().map(this::read)
                .map(r -> new RunView(r.id(), r.type(), r.scope(), r.status(), r.startedBy(), r.requestReason(), r.startedAt(),
                        r.endsAt(), r.endedAt(), r.reason(), r.thresholds(), r.blastRadius(), r.before(), r.after(),
                        List.of(), List.of()))
                .toList();
    }

    /**
     * Closes the reports of runs that were still running when the process stopped (a crash skips the revert): they
     * become FAILED with a reason saying so. Returns how many. Called once, before the engine takes runs.
     */
    int closeInterrupted(Instant now) {
        List<RunView> interrupted = jdbc.sql("SELECT report FROM chaos_runs WHERE status = 'RUNNING'")
                .query(String.class).list().stream().map(this::read).toList();
        for (RunView r : interrupted) {
            save(new RunView(r.id(), r.type(), r.scope(), RunStatus.FAILED, r.startedBy(), r.requestReason(), r.startedAt(),
                    r.endsAt(), now, "the backend stopped during the run; what it injected may not have been reverted",
                    r.thresholds(), r.blastRadius(), r.before(), r.after(), r.actions(), r.samples()));
        }
        return interrupted.size();
    }

    private RunView read(String report) {
        return json.readValue(report, RunView.class);
    }
}
